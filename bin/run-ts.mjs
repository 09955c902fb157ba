#!/usr/bin/env node
// Runs one TypeScript entry point (benchmarks, scripts) through tsx's loader.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
const file = resolve(entry);
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);
