import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import { ConfigError } from '../../errors.ts';
import { type EngineConfig, EngineConfigSchema } from './schema.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a rules configuration (parsed YAML or an object), fills the defaults and
 * freezes it. A bad value is a ConfigError naming the field, e.g.
 * `config/rules.yaml: rules.consolidation.minShare: Expected number to be less or equal to 0.95`.
 */
export function parseEngineConfig(value: unknown, origin = 'rules config'): EngineConfig {
  const filled = Value.Default(EngineConfigSchema, Value.Clone(value ?? {}));
  if (!Value.Check(EngineConfigSchema, filled)) {
    const error = Value.Errors(EngineConfigSchema, filled).First();
    const where = error?.path.replace(/^\//, '').replaceAll('/', '.') || '(root)';
    throw new ConfigError(`${origin}: ${where}: ${error?.message ?? 'invalid'}`);
  }
  for (const s of filled.suppressions) {
    if (!s.wallet && !s.workerId)
      throw new ConfigError(`${origin}: suppressions.${s.id}: needs a wallet or a workerId`);
  }
  return deepFreeze(filled);
}

/** Reads and validates a YAML rules file; no path means the built-in defaults. */
export function loadEngineConfig(path?: string): EngineConfig {
  if (path === undefined) return parseEngineConfig({}, 'defaults');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read rules file: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not YAML: ${(error as Error).message}`);
  }
  return parseEngineConfig(value, path);
}

/** The built-in defaults (the same as an empty rules file). */
export const DEFAULT_ENGINE_CONFIG: EngineConfig = parseEngineConfig({}, 'defaults');
