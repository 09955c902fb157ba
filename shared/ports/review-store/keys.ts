/**
 * Every Redis key of the review layer, built in one place. The queue name sits in a hash
 * tag so all of one queue's review keys share a cluster slot, which the Lua script needs.
 */
export class ReviewKeys {
  private readonly base: string;

  constructor(queueName: string, prefix = 'flowsentry') {
    this.base = `${prefix}:{${queueName}}`;
  }

  /** Hash with the review state of one alert. */
  review(alertId: string): string {
    return `${this.base}:review:${alertId}`;
  }

  /** Stream holding the append-only audit trail of one alert. */
  audit(alertId: string): string {
    return `${this.base}:audit:${alertId}`;
  }

  /** Hash of every suppression by id. */
  suppressions(): string {
    return `${this.base}:suppressions`;
  }

  /** Stream of every pre-payout screening answer. */
  screenings(): string {
    return `${this.base}:screenings`;
  }

  /** Stream of every webhook delivery attempt. */
  webhookLog(): string {
    return `${this.base}:webhook-log`;
  }

  /** Pattern matching every key above, for tests and resets. */
  pattern(): string {
    return `${this.base}:*`;
  }
}
