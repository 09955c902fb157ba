import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a browser test saves its screenshot. The pictures in docs/ are refreshed only on
 * request (`FLOWSENTRY_UPDATE_SCREENSHOTS=1 npx vitest run ...`), so an ordinary test run
 * leaves the checkout clean; otherwise the picture goes to a fresh temporary folder, which
 * still proves the page could be captured.
 */
export function screenshotPath(name: string): string {
  if (process.env.FLOWSENTRY_UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs', { recursive: true });
    return join('docs', name);
  }
  return join(mkdtempSync(join(tmpdir(), 'fs-screenshot-')), name);
}
