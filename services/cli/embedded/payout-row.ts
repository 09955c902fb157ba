import { type Envelope, eventId, parseEvent } from '../../../shared/contract/index.ts';
import { InvalidEventError } from '../../../shared/errors.ts';
import type { PayoutColumns, PayoutField } from './payout-columns.ts';

const EXECUTED = new Set([
  'executed',
  'paid',
  'completed',
  'complete',
  'sent',
  'confirmed',
  'success',
  'succeeded',
  'settled',
]);
const REQUESTED = new Set(['requested', 'pending', 'queued', 'scheduled', 'approved', 'created']);
const NOT_PAID = new Set([
  'failed',
  'cancelled',
  'canceled',
  'rejected',
  'reversed',
  'returned',
  'void',
  'voided',
]);

/** A row that became an event, or a payout that never left (failed, cancelled) and why. */
export type RowOutcome = { readonly event: Envelope } | { readonly skipped: string };

/** Payout exports write times many ways; RFC 3339 is what the contract takes. Times without a zone are UTC. */
export function toRfc3339(text: string): string {
  const t = text.trim();
  if (/^\d{10}$/.test(t)) return new Date(Number(t) * 1000).toISOString();
  if (/^\d{13}$/.test(t)) return new Date(Number(t)).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return `${t}T00:00:00Z`;
  const m =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      t,
    );
  if (!m) return t; // the contract check names what is wrong with it
  const zone =
    !m[4] || m[4].toUpperCase() === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}${zone}`;
}

/** `1,234.50` (thousands separators) -> `1234.50`; anything else is left for the contract check. */
function toAmount(text: string): string {
  const t = text.trim();
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replaceAll(',', '') : t;
}

function typeFor(status: string | undefined): Envelope['type'] | { skipped: string } {
  const s = status?.trim().toLowerCase();
  if (!s || EXECUTED.has(s)) return 'payout.executed';
  if (REQUESTED.has(s)) return 'payout.requested';
  if (NOT_PAID.has(s)) return { skipped: s };
  throw new InvalidEventError(`status: unknown payout status ${JSON.stringify(status)}`);
}

/**
 * Turns one CSV row into a payout event of contract v1 (validated). The event id is the
 * `eventId` column or derived from type and payoutId, so scanning an export twice gives
 * the same ids and the same alerts.
 */
export function payoutFromRow(
  row: readonly string[],
  columns: PayoutColumns,
  defaultSource: string,
): RowOutcome {
  const get = (f: PayoutField) => {
    const c = columns[f];
    const v = c ? row[c.index]?.trim() : undefined;
    return v === '' ? undefined : v;
  };
  const type = typeFor(get('status'));
  if (typeof type !== 'string') return type;
  const payoutId = get('payoutId') ?? '';
  const optional = (['employerId', 'fromAddress', 'txHash'] as const).filter(
    (f) => get(f) !== undefined,
  );
  const data = {
    payoutId,
    workerId: get('workerId') ?? '',
    amount: toAmount(get('amount') ?? ''),
    asset: get('asset') ?? '',
    chain: (get('chain') ?? '').toLowerCase(),
    toAddress: get('toAddress') ?? '',
    ...Object.fromEntries(optional.map((f) => [f, get(f)])),
  };
  const value = {
    type,
    schemaVersion: 1,
    id: get('eventId') ?? eventId(type, `csv:${payoutId}`),
    occurredAt: toRfc3339(get('occurredAt') ?? ''),
    source: get('source') ?? defaultSource,
    data,
  };
  return { event: parseEvent(value) };
}

/** Rewrites a contract reason (`data.toAddress: ...`) to name the CSV column the user wrote. */
export function columnReason(reason: string, columns: PayoutColumns): string {
  const m = /^(?:data\.)?(\w+)(?=[:.])/.exec(reason);
  const column = m ? columns[m[1] as PayoutField] : undefined;
  return column ? `column "${column.name}"${reason.slice(m![0].length)}` : reason;
}
