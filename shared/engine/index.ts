export * from './alert.ts';
export {
  DEFAULT_ENGINE_CONFIG,
  type EngineConfig,
  EngineConfigSchema,
  loadEngineConfig,
  parseEngineConfig,
  type SuppressionConfig,
} from './config/index.ts';
export { DEFAULT_RULES, Engine, type EngineOptions } from './engine.ts';
export { describeEvent, fact, listEvidence } from './evidence.ts';
export { adds, mergeAlert } from './merge-alert.ts';
export { combineScores, type EmployerRisk, rollUp, type WorkerRisk } from './rollup.ts';
export {
  alertFrom,
  type Finding,
  type Rule,
  type RuleContext,
  type RuleDefinition,
} from './rule.ts';
export { RULE_DEFINITIONS } from './rules/index.ts';
export { sanctionedCounterparty } from './rules/sanctioned-counterparty.ts';
export { severityOf } from './scoring.ts';
export {
  ChangelogEngineState,
  type EngineState,
  MemoryEngineState,
  type StateChange,
} from './state/index.ts';
export type { SuppressionRecord } from './suppressions.ts';
