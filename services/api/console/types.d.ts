// What the console reads from the API, typed by the API's own code: `npm run lint` checks the
// console (tsconfig.console.json, checkJs), so a renamed field fails there, not in the page.

export type { Evidence, Hop } from '../../../shared/engine/alert.ts';
export type { Actor, AuditEntry } from '../../../shared/ports/review-store/index.ts';
export type { AlertPage } from '../alert-query.ts';
export type { AlertSummary, AlertView } from '../alert-view.ts';
export type { AlertDetail } from '../routes/alerts.ts';
export type { WalletView, WorkerView } from '../routes/views.ts';

/** `GET /v1/rules` and `GET /v1/alerts/{id}/audit`: a list under `items`. */
export interface Items<T> {
  readonly items: readonly T[];
}
