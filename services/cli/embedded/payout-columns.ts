/** The fields of a payout event a CSV column can fill. */
export type PayoutField =
  | 'payoutId'
  | 'workerId'
  | 'amount'
  | 'asset'
  | 'chain'
  | 'toAddress'
  | 'occurredAt'
  | 'employerId'
  | 'fromAddress'
  | 'txHash'
  | 'status'
  | 'eventId'
  | 'source';

/** Columns a payouts CSV must have; without them a row cannot become a payout event. */
export const REQUIRED_FIELDS = [
  'payoutId',
  'workerId',
  'amount',
  'asset',
  'chain',
  'toAddress',
  'occurredAt',
] as const satisfies readonly PayoutField[];

/**
 * Header names each field accepts, compared without case, spaces, `_` or `-`
 * (`payout_id`, `Payout ID` and `payoutId` are one column). Earlier names win.
 * Documented in docs/embedded.md: keep the two in step.
 */
export const COLUMN_NAMES: Readonly<Record<PayoutField, readonly string[]>> = {
  payoutId: ['payoutid'],
  workerId: ['workerid', 'contractorid'],
  amount: ['amount'],
  asset: ['asset', 'currency', 'token'],
  chain: ['chain', 'network'],
  toAddress: ['toaddress', 'walletaddress', 'destinationaddress'],
  occurredAt: ['occurredat', 'executedat', 'paidat', 'createdat', 'timestamp', 'date'],
  employerId: ['employerid', 'clientid'],
  fromAddress: ['fromaddress'],
  txHash: ['txhash', 'transactionhash'],
  status: ['status'],
  eventId: ['eventid'],
  source: ['source'],
};

/** Where each field sits in a row (column index), and the header name it came from. */
export type PayoutColumns = Readonly<Partial<Record<PayoutField, { index: number; name: string }>>>;

/** A header name folded for comparison. */
export function foldHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Maps a CSV header onto payout fields; `missing` lists required fields no column fills. */
export function mapColumns(header: readonly string[]): {
  columns: PayoutColumns;
  missing: PayoutField[];
  found: number;
} {
  const folded = header.map(foldHeader);
  const columns: Partial<Record<PayoutField, { index: number; name: string }>> = {};
  let found = 0;
  for (const [field, names] of Object.entries(COLUMN_NAMES) as [PayoutField, string[]][]) {
    const name = names.find((n) => folded.includes(n));
    if (name === undefined) continue;
    const index = folded.indexOf(name);
    columns[field] = { index, name: header[index]!.trim() };
    found++;
  }
  const missing = REQUIRED_FIELDS.filter((f) => !columns[f]);
  return { columns, missing, found };
}
