#!/usr/bin/env node
// The published bin runs the compiled JavaScript in dist/ (built at install by `prepare`).
// In a checkout that was never built it falls back to the TypeScript sources through tsx,
// a development dependency, so a contributor is never stuck without the command.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/services/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../services/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
