import { addressKeyOrUndefined, guessChain } from '../address/index.ts';
import type { Alert, AlertSubject, RuleId } from './alert.ts';
import type { SuppressionConfig } from './config/schema.ts';

/** A record of one finding a suppression kept from being emitted. */
export interface SuppressionRecord {
  readonly suppressionId: string;
  readonly reason: string;
  readonly alertId: string;
  readonly rule: RuleId;
  readonly subject: AlertSubject;
  readonly eventIds: readonly string[];
  /** Event time of the finding. */
  readonly at: string;
  readonly lookback: boolean;
}

interface Prepared {
  readonly config: SuppressionConfig;
  readonly walletKey?: string;
  readonly expiresAt: string;
}

/** The allowlist: which findings not to emit, until when, and why. */
export class Suppressions {
  private readonly entries: readonly Prepared[];

  constructor(configs: readonly SuppressionConfig[]) {
    this.entries = configs.map((config) => ({
      config,
      walletKey: config.wallet
        ? addressKeyOrUndefined(config.chain ?? guessChain(config.wallet), config.wallet)
        : undefined,
      // A bare date expires at the start of that day (UTC).
      expiresAt: new Date(
        config.expiresAt.length === 10 ? `${config.expiresAt}T00:00:00Z` : config.expiresAt,
      ).toISOString(),
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The suppression that applies to an alert, if any; expiry is compared with the finding's event time. */
  match(alert: Alert): SuppressionConfig | undefined {
    if (this.entries.length === 0) return undefined;
    const s = alert.subject;
    const walletKey = s.address
      ? addressKeyOrUndefined(s.chain ?? guessChain(s.address), s.address)
      : undefined;
    for (const p of this.entries) {
      if (p.config.rule !== '*' && p.config.rule !== alert.rule) continue;
      if (alert.lastSeenAt >= p.expiresAt) continue;
      if (p.walletKey !== undefined && p.walletKey !== walletKey) continue;
      if (p.config.workerId !== undefined && p.config.workerId !== s.workerId) continue;
      return p.config;
    }
    return undefined;
  }

  /** The record of applying `config` to `alert`. */
  static record(config: SuppressionConfig, alert: Alert): SuppressionRecord {
    return {
      suppressionId: config.id,
      reason: config.reason,
      alertId: alert.id,
      rule: alert.rule,
      subject: alert.subject,
      eventIds: alert.eventIds,
      at: alert.lastSeenAt,
      lookback: alert.lookback === true,
    };
  }
}
