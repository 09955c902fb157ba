// Entry of the routing thread: the compiled module when the package is built (dist/), else
// the TypeScript source through tsx, a development dependency (a checkout, the tests).
import { existsSync } from 'node:fs';

const compiled = new URL('./router-worker-main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./router-worker-main.ts');
}
