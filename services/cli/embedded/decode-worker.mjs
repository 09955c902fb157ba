// Entry of the reading thread (decode-worker.ts). Plain JavaScript because a worker does not
// inherit the TypeScript loader of the main thread: the compiled module when there is one
// (dist/), else the TypeScript source through tsx, as bin/flowsentry.mjs does.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./decode-worker.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./decode-worker.ts', import.meta.url).href);
}
