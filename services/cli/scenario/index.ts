export { generateScenario } from './generator.ts';
export { LAZARUS_WALLET, scenarioLists } from './lists.ts';
export { Prng } from './prng.ts';
export type { PlantedCase, Scenario, ScenarioOptions } from './types.ts';
