#!/usr/bin/env node
// The published bin: registers tsx so the TypeScript sources run as they are, with no
// build step between a fresh clone and a working command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../services/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
