import { type Static, Type } from '@sinclair/typebox';
import { RULE_IDS, type RuleId } from '../alert.ts';
import { RULES } from '../rules/index.ts';

/** One allowlist entry: findings of `rule` about this wallet or worker are not emitted until it expires. */
export const SuppressionSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    rule: Type.Union([Type.Literal('*'), ...RULE_IDS.map((r) => Type.Literal(r))], {
      description: "a rule id or '*'",
    }),
    wallet: Type.Optional(Type.String({ minLength: 20, maxLength: 120 })),
    chain: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,31}$' })),
    workerId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    expiresAt: Type.String({
      pattern:
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$',
      description: 'ISO date or time; compared with the event time of the finding',
    }),
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
    createdBy: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

type RuleSchemas = { readonly [K in RuleId]: (typeof RULES)[K]['schema'] };

/** Each rule's schema under its id: the sections of the rules file. */
function ruleSchemas(): RuleSchemas {
  // fromEntries loses the key-to-schema pairing that RULE_IDS x RULES keeps.
  return Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].schema])) as RuleSchemas;
}

/** Every rule's section, each with its own schema and defaults. */
export const RulesSchema = Type.Object(ruleSchemas(), { default: {}, additionalProperties: false });

/** The rules file (config/rules.yaml): thresholds, retention and suppressions. */
export const EngineConfigSchema = Type.Object(
  {
    version: Type.Literal(1, { default: 1 }),
    retentionDays: Type.Integer({
      minimum: 1,
      maximum: 3650,
      default: 180,
      description: 'how far back lookback screens again (event time)',
    }),
    maxActivityPerWallet: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 200,
      description: 'events kept per wallet for lookback',
    }),
    rules: RulesSchema,
    suppressions: Type.Array(SuppressionSchema, { default: [] }),
  },
  { additionalProperties: false },
);

/** The validated, frozen engine configuration. */
export type EngineConfig = Static<typeof EngineConfigSchema>;
/** One suppression as configured. */
export type SuppressionConfig = Static<typeof SuppressionSchema>;
