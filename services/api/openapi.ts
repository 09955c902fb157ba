// Prints the OpenAPI document the API serves, for docs/openapi.json:
//   node bin/run-ts.mjs services/api/openapi.ts > docs/openapi.json
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { MemoryReviewStore } from '../../shared/ports/review-store/index.ts';
import { buildApp } from './app.ts';

const app = await buildApp({
  alerts: new MemoryAlertSink(),
  review: new MemoryReviewStore(),
  tags: () => new TagIndex([]),
  tokens: [],
});
await app.ready();
process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
