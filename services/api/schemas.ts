import { type Static, Type } from '@sinclair/typebox';
import { AddressText, Amount, Chain, Id, Timestamp } from '../../shared/contract/primitives.ts';
import { ALERT_ID_PATTERN, RULE_IDS } from '../../shared/engine/alert.ts';
import { DISPOSITIONS } from '../../shared/ports/review-store/index.ts';
import { SORTS } from './alert-view.ts';
import { ApiError } from './errors.ts';

/** A non-negative integer in a query string; bodies are never coerced, so queries carry digits. */
const Count = (description: string) => Type.String({ pattern: '^[0-9]{1,6}$', description });

/** Parses a Count; out of [min, max] is a 400 naming the parameter. */
export function count(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (n < min || n > max)
    throw new ApiError(
      'BAD_REQUEST',
      `invalid request: querystring.${name} must be from ${min} to ${max}`,
    );
  return n;
}

/** A string from a fixed set, as one JSON Schema `enum` so a refusal lists the allowed values. */
const Enum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

const Reason = Type.String({
  minLength: 3,
  maxLength: 2000,
  description: 'why, in words a reviewer can read later',
});

/** A payout about to leave the platform. */
export const ScreenBody = Type.Object(
  {
    workerId: Id,
    chain: Chain,
    toAddress: Type.Optional(AddressText),
    address: Type.Optional(
      Type.String({
        minLength: 20,
        maxLength: 120,
        deprecated: true,
        description: 'deprecated (accepted until 0.3): the old name of toAddress',
      }),
    ),
    asset: Type.String({ minLength: 1, maxLength: 32 }),
    amount: Amount,
    payoutId: Type.Optional(Id),
    employerId: Type.Optional(Id),
    fromAddress: Type.Optional(AddressText),
    txHash: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  {
    additionalProperties: false,
    description:
      "the data of the platform's own payout.requested event, field for field (toAddress required)",
  },
);
export type ScreenBody = Static<typeof ScreenBody>;

/** The screening answer. */
export const ScreenAnswer = Type.Object({
  decision: Enum(['allow', 'review', 'block'] as const),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), ref: Type.Optional(Type.String()) }),
  ),
  screeningId: Type.String(),
  listVersions: Type.Array(Type.String()),
});

const csv = (values: readonly string[], what: string) =>
  Type.String({
    pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`,
    description: `one or more ${what}, comma-separated`,
  });

/** Filters and paging of the queue. */
export const AlertQuery = Type.Object(
  {
    rule: Type.Optional(csv(RULE_IDS, 'rule ids')),
    severity: Type.Optional(csv(['low', 'medium', 'high', 'critical'], 'severities')),
    status: Type.Optional(csv(['open', 'in_review', 'escalated', 'closed'], 'statuses')),
    worker: Type.Optional(Id),
    wallet: Type.Optional(AddressText),
    assignee: Type.Optional(Id),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    suppressed: Type.Optional(
      Enum(
        ['exclude', 'include', 'only'] as const,
        'suppressed alerts: exclude (default), include, only',
      ),
    ),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'text in the title or id' })),
    sort: Type.Optional(Enum(SORTS, 'priority (default), lastSeen, createdAt, score, count')),
    order: Type.Optional(Enum(['asc', 'desc'] as const, 'desc (default) or asc')),
    limit: Type.Optional(Count('page size, 1 to 500 (default 50)')),
    offset: Type.Optional(Count('alerts to skip (default 0)')),
  },
  { additionalProperties: false },
);
export type AlertQuery = Static<typeof AlertQuery>;

/** An alert id as alertId makes them: anything else (a BullMQ key such as `meta`) is a 400. */
export const AlertParams = Type.Object({
  id: Type.String({ pattern: ALERT_ID_PATTERN, description: 'an alert id: <rule>.<24 hex>' }),
});
export type AlertParams = Static<typeof AlertParams>;

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const AssignBody = Type.Object({ assignee: Id }, { additionalProperties: false });
export const DispositionBody = Type.Object(
  { outcome: Enum(DISPOSITIONS), reason: Reason },
  { additionalProperties: false },
);
export const SuppressBody = Type.Object(
  { reason: Reason, until: Type.Optional(Timestamp) },
  { additionalProperties: false },
);
export type NoteBody = Static<typeof NoteBody>;
export type ReasonBody = Static<typeof ReasonBody>;
export type AssignBody = Static<typeof AssignBody>;
export type DispositionBody = Static<typeof DispositionBody>;
export type SuppressBody = Static<typeof SuppressBody>;

export const WalletParams = Type.Object({ chain: Chain, address: AddressText });
export type WalletParams = Static<typeof WalletParams>;
export const WorkerParams = Type.Object({ workerId: Id });
export type WorkerParams = Static<typeof WorkerParams>;
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9._-]{1,200}$' }) });
export type IdParams = Static<typeof IdParams>;
export const LimitQuery = Type.Object(
  { limit: Type.Optional(Count('entries, 1 to 1000 (default 100)')) },
  { additionalProperties: false },
);
export type LimitQuery = Static<typeof LimitQuery>;

/** The error body every route answers with. */
export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

/** Shared response documentation for routes behind a token. */
export const AUTH_ERRORS = { 401: ErrorSchema, 403: ErrorSchema };
