export * from './alert.ts';
export { DEFAULT_RULES, Engine, type EngineOptions } from './engine.ts';
export { adds, mergeAlert } from './merge-alert.ts';
export { alertFrom, type Finding, type Rule, type RuleContext } from './rule.ts';
export {
  describeEvent,
  listEvidence,
  sanctionedCounterparty,
} from './rules/sanctioned-counterparty.ts';
