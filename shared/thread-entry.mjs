// Entry of a worker thread that runs one of our TypeScript modules. Plain JavaScript: a
// worker does not inherit the main thread's TypeScript loader. `workerData.entry` is the
// module's URL without its extension: the compiled module beside it when the package is
// built (dist/), else the TypeScript source through tsx, a development dependency (a
// checkout, the tests), as bin/flowsentry.mjs does.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (existsSync(fileURLToPath(`${entry}.js`))) {
  await import(`${entry}.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${entry}.ts`);
}
