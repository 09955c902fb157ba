import { TagIndex } from '../lists/tag-index.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { Alert } from './alert.ts';
import { mergeAlert } from './merge-alert.ts';
import type { Rule, RuleContext } from './rule.ts';
import { sanctionedCounterparty } from './rules/sanctioned-counterparty.ts';

/** The rules every engine runs unless told otherwise. */
export const DEFAULT_RULES: readonly Rule[] = [sanctionedCounterparty];

export interface EngineOptions {
  readonly rules?: readonly Rule[];
  readonly tags?: TagIndex;
}

/**
 * The detection engine: the same code in embedded and streaming mode. It only finds;
 * delivering alerts is the sink's job.
 */
export class Engine {
  private readonly rules: readonly Rule[];
  private ctx: RuleContext;

  constructor(options: EngineOptions = {}) {
    this.rules = options.rules ?? DEFAULT_RULES;
    this.ctx = { tags: options.tags ?? new TagIndex([]) };
  }

  /** Swaps the active tag set whole: events after this call see only the new one. */
  setTags(tags: TagIndex): void {
    this.ctx = { ...this.ctx, tags };
  }

  get tags(): TagIndex {
    return this.ctx.tags;
  }

  /** Screens a batch in order; alerts with the same id within the batch are merged. */
  process(events: readonly NormalizedEvent[]): Alert[] {
    const byId = new Map<string, Alert>();
    for (const event of events) {
      for (const rule of this.rules) {
        for (const alert of rule.evaluate(event, this.ctx)) {
          const open = byId.get(alert.id);
          byId.set(alert.id, open ? mergeAlert(open, alert) : alert);
        }
      }
    }
    return [...byId.values()];
  }
}
