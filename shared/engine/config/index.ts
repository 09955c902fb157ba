export { defaultsOf } from './defaults.ts';
export { DEFAULT_ENGINE_CONFIG, loadEngineConfig, parseEngineConfig } from './load.ts';
export {
  type EngineConfig,
  EngineConfigSchema,
  type SuppressionConfig,
  SuppressionSchema,
} from './schema.ts';
