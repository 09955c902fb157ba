import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../services/cli/main.ts';

// Vitest's global setup (bin/build.mjs) has compiled dist/ from the current sources.
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/flowsentry.mjs', ...args], { encoding: 'utf8' });

describe('the published command runs the compiled JavaScript', () => {
  it('is built into dist/ with the files the code reads beside itself', () => {
    for (const file of [
      'dist/services/cli/main.js',
      'dist/services/cli/help.txt',
      'dist/shared/lists/lua/saveVersion-3.lua',
      'dist/shared/ports/review-store/scripts/applyChange-3.lua',
      'dist/shared/ports/alert-sink/scripts/releaseLock-1.lua',
      'dist/services/api/console/index.html',
    ])
      expect(existsSync(file), file).toBe(true);
  });

  it('answers --help with every command, the same text the full program gives', async () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toBe((await buildProgram()).helpInformation());
    for (const command of ['demo', 'scan', 'check', 'lists', 'up', 'service'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('loads only the named command, whose own help and errors still work', () => {
    const check = run('check', '--help');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('Usage: flowsentry check [options] [addresses...]');
    const unknown = run('chek');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'chek'");
    const version = run('--version');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
