#!/usr/bin/env node
// Compiles shared/ and services/ to dist/ (run by `npm ci` through `prepare`), then copies
// the files the compiled code reads beside itself at run time: Lua scripts, the bzip2 worker
// and the console's static files. Incremental: a build with nothing changed takes a few
// seconds, and `--if-stale` skips even that when no source is newer than the last build.
//   node bin/build.mjs [--if-stale]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['shared', 'services'];
// Written after each build; tsc leaves its own .tsbuildinfo untouched when nothing changed.
const STAMP = join(ROOT, 'dist', '.built');

/** Every file under the source folders, as absolute paths. */
function sourceFiles() {
  return SOURCES.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

/** True when some source (or the build config) changed after the last build. */
function isStale(files) {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const inputs = [...files, join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')];
  return inputs.some((file) => statSync(file).mtimeMs > built);
}

function compile(quiet) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: quiet ? 'ignore' : 'inherit',
  });
  // tsc exits 2 when it reports type errors but still wrote every file: the lint step
  // (`npm run lint`) is where type errors fail; an install must not.
  if (run.status === 2) console.error('build: written despite type errors (see npm run lint)');
  else if (run.status !== 0) throw new Error(`build: tsc failed (exit ${run.status})`);
}

function copyAssets(files) {
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    cpSync(file, join(ROOT, 'dist', relative(ROOT, file)));
  }
}

/** Saves the full top-level help, so `flowsentry --help` loads no command module. */
async function writeHelp() {
  const cli = join(ROOT, 'dist', 'services', 'cli', 'main.js');
  const { buildProgram, HELP_FILE } = await import(pathToFileURL(cli).href);
  writeFileSync(HELP_FILE, (await buildProgram()).helpInformation());
}

/** Builds dist/; with `ifStale`, only when a source changed since the last build. */
export async function build({ ifStale = false, quiet = false } = {}) {
  const files = sourceFiles();
  if (ifStale && !isStale(files)) return;
  if (!existsSync(join(ROOT, 'node_modules', 'typescript'))) {
    // `npm ci --omit=dev` runs `prepare` without the compiler: keep whatever dist/ holds.
    console.error('build: typescript is not installed (a production install?); dist/ left as is');
    return;
  }
  compile(quiet);
  copyAssets(files);
  await writeHelp();
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/**
 * Vitest's global setup: tests that spawn `bin/flowsentry.mjs` run dist/, so it must be as
 * new as the sources they are checked against.
 */
export function setup() {
  return build({ ifStale: true, quiet: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ ifStale: process.argv.includes('--if-stale') });
}
