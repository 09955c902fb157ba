// Worker thread of the pure-JS bzip2 fallback (see bunzip.ts). Plain JavaScript: a worker
// does not inherit the TypeScript loader of the main thread. Posts decompressed chunks, and
// stops reading when the main thread holds 16 it has not taken yet.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import unbzip2 from 'unbzip2-stream';

let credits = 16;
const source = createReadStream(workerData.path, { highWaterMark: 1 << 14 });
const decoder = unbzip2();

parentPort.on('message', () => {
  credits++;
  if (credits > 0 && source.isPaused()) source.resume();
});
decoder.on('data', (chunk) => {
  const copy = new Uint8Array(chunk);
  parentPort.postMessage(copy, [copy.buffer]);
  credits--;
  if (credits <= 0) source.pause();
});
decoder.on('end', () => parentPort.postMessage('end'));
decoder.on('error', (e) => parentPort.postMessage({ error: String(e?.message ?? e) }));
source.on('error', (e) => parentPort.postMessage({ error: e.message }));
source.pipe(decoder);
