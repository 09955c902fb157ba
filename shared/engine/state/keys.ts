/**
 * Builds every state key the engine uses, so key names live in one place. A wallet's key
 * is its address key itself (`evm:0x…`): the hot path looks wallets up with the string
 * the event already carries, and chain names have at least two letters, so the one-letter
 * prefixes of the other records never collide with it.
 */
export const keys = {
  wallet: (walletKey: string) => walletKey,
  worker: (workerId: string) => `w:${workerId}`,
  attr: (kind: string, value: string) => `x:${kind}:${value}`,
  name: (blockingKey: string) => `n:${blockingKey}`,
  transfer: (chain: string, txHash: string, logIndex: number | null) =>
    `t:${chain}:${txHash.toLowerCase()}:${logIndex ?? 'native'}`,
  payout: (payoutId: string) => `p:${payoutId}`,
  /** A retained event's envelope, for lookback. */
  event: (eventId: string) => `e:${eventId}`,
  clock: () => 'm:clock',
} as const;
