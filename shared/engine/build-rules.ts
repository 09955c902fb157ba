import type { TObject } from '@sinclair/typebox';
import { RULE_IDS, type RuleId } from './alert.ts';
import type { EngineConfig } from './config/schema.ts';
import type { ModelOptions } from './model/context.ts';
import type { Rule, RuleDefinition } from './rule.ts';
import { RULES } from './rules/index.ts';

const HOUR = 3_600_000;

/** Every rule, configured by its section of the rules file, in run order (direct hits first). */
export function rulesFrom(config: EngineConfig): Rule[] {
  return RULE_IDS.map((id) => createRule(id, config));
}

function createRule<K extends RuleId>(id: K, config: EngineConfig): Rule {
  // RULES[id] and config.rules[id] belong to the same rule, which TypeScript cannot follow
  // through a generic key: the section was validated against this very definition's schema.
  const definition = RULES[id] as RuleDefinition<TObject>;
  return definition.create(config.rules[id]);
}

/** The model's knobs: the graph follows the exposure rule's settings, forwarding the consolidation rule's. */
export function modelOptionsFrom(config: EngineConfig): ModelOptions {
  const exposure = config.rules['sanctioned-exposure'];
  const forwarding = config.rules.consolidation;
  return {
    retentionMs: config.retentionDays * 24 * HOUR,
    maxActivity: config.maxActivityPerWallet,
    maxHops: exposure.maxHops,
    minTrackShare: exposure.minTrackShare,
    maxOrigins: exposure.maxOrigins,
    forwardWindowMs: forwarding.windowHours * HOUR,
    forwardMinShare: forwarding.minShare,
    minFeeders: forwarding.minFeeders,
    notCollectors: forwarding.notCollectors,
    inbound:
      exposure.enabled && exposure.inboundIntermediaries > 0
        ? {
            categories: exposure.categories,
            maxIntermediaries: exposure.inboundIntermediaries,
            windowMs: exposure.inboundWindowHours * HOUR,
            serviceCategories: exposure.serviceCategories,
            serviceMaxEvents: exposure.serviceMaxEvents,
          }
        : undefined,
  };
}
