import { type Static, Type } from '@sinclair/typebox';
import { AddressText, Amount, Chain, Country, Id, Timestamp, WalletRef } from './primitives.ts';

const Strings = Type.Array(Type.String({ minLength: 1, maxLength: 320 }), { maxItems: 100 });

/** A device a worker logged in from, as the payroll platform saw it. */
export const Device = Type.Object({
  fingerprint: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ip: Type.Optional(Type.String({ minLength: 2, maxLength: 64 })),
  ipCountry: Type.Optional(Country),
  vpn: Type.Optional(Type.Boolean()),
  remoteAccessTool: Type.Optional(Type.String({ maxLength: 100 })),
});

/** `worker.upserted`: the whole current profile of one worker. */
export const WorkerUpserted = Type.Object({
  workerId: Id,
  legalName: Type.String({ minLength: 1, maxLength: 300 }),
  aliases: Type.Optional(Strings),
  dateOfBirth: Type.Optional(Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' })),
  nationality: Type.Optional(Country),
  residenceCountry: Type.Optional(Country),
  emails: Type.Optional(Strings),
  phones: Type.Optional(Strings),
  messengers: Type.Optional(Strings),
  employer: Type.Optional(Type.Object({ id: Id, name: Type.String({ maxLength: 300 }) })),
  devices: Type.Optional(Type.Array(Device, { maxItems: 100 })),
  residentialAddress: Type.Optional(Type.String({ maxLength: 500 })),
  bankAccountHashes: Type.Optional(Strings),
  payoutWallets: Type.Optional(Type.Array(WalletRef, { maxItems: 100 })),
});

/** `payout.requested` and `payout.executed`: money leaving the platform for a worker. */
export const Payout = Type.Object({
  payoutId: Id,
  workerId: Id,
  amount: Amount,
  asset: Type.String({ minLength: 1, maxLength: 32 }),
  chain: Chain,
  toAddress: AddressText,
  employerId: Type.Optional(Id),
  fromAddress: Type.Optional(AddressText),
  txHash: Type.Optional(Type.String({ minLength: 10, maxLength: 100 })),
});

/** The token moved by a transfer; `contract` is null for the chain's native coin. */
export const TransferAsset = Type.Object({
  symbol: Type.String({ minLength: 1, maxLength: 32 }),
  contract: Type.Union([AddressText, Type.Null()]),
  decimals: Type.Integer({ minimum: 0, maximum: 36 }),
});

/** `transfer.observed` and `transfer.retracted`: one on-chain movement of value. */
export const Transfer = Type.Object({
  chain: Chain,
  txHash: Type.String({ minLength: 10, maxLength: 100 }),
  logIndex: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  blockNumber: Type.Integer({ minimum: 0 }),
  blockHash: Type.String({ minLength: 10, maxLength: 100 }),
  timestamp: Timestamp,
  asset: TransferAsset,
  from: AddressText,
  to: AddressText,
  amount: Amount,
});

/** `extortion.reported`: a ransom demand with the wallets and contacts it named. */
export const ExtortionReported = Type.Object({
  reportId: Id,
  addresses: Type.Array(WalletRef, { maxItems: 1000 }),
  contacts: Type.Optional(
    Type.Object({
      emails: Type.Optional(Strings),
      phones: Type.Optional(Strings),
      messengers: Type.Optional(Strings),
    }),
  ),
  amountDemanded: Type.Optional(Amount),
  asset: Type.Optional(Type.String({ maxLength: 32 })),
  notes: Type.Optional(Type.String({ maxLength: 5000 })),
});

/** Maps each event type to the schema of its `data`. */
export const EVENT_DATA = {
  'worker.upserted': WorkerUpserted,
  'payout.requested': Payout,
  'payout.executed': Payout,
  'transfer.observed': Transfer,
  'transfer.retracted': Transfer,
  'extortion.reported': ExtortionReported,
} as const;

/** Every event type of contract v1. */
export type EventType = keyof typeof EVENT_DATA;
/** The `data` of an event of type T. */
export type EventData<T extends EventType> = Static<(typeof EVENT_DATA)[T]>;
export type WorkerProfile = Static<typeof WorkerUpserted>;
export type PayoutData = Static<typeof Payout>;
export type TransferData = Static<typeof Transfer>;
export type ExtortionReport = Static<typeof ExtortionReported>;
export { Chain, Timestamp };
