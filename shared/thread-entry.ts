import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread running `module` (a URL of one of our modules, with or without its
 * `.ts`/`.js` extension) through `thread-entry.mjs`, which picks the compiled module or the
 * source. `data` reaches the thread as `workerData`, beside `entry`; `options` are the
 * Worker's other options (a heap bound).
 */
export function startThread(
  module: URL,
  data: object,
  options: Omit<WorkerOptions, 'workerData'> = {},
): Worker {
  const entry = module.href.replace(/\.(ts|js)$/, '');
  return new Worker(new URL('./thread-entry.mjs', import.meta.url), {
    ...options,
    workerData: { ...data, entry },
  });
}
