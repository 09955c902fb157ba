import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENGINE_CONFIG,
  loadEngineConfig,
  parseEngineConfig,
} from '../../shared/engine/index.ts';
import { ConfigError } from '../../shared/errors.ts';

const tmp = (text: string) => {
  const path = join(tmpdir(), `rules-${process.pid}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
};

describe('rules configuration', () => {
  it('documents exactly the built-in defaults in config/rules.yaml', () => {
    expect(loadEngineConfig('config/rules.yaml')).toEqual(DEFAULT_ENGINE_CONFIG);
  });

  it('fills what a file leaves out and freezes the result', () => {
    const config = loadEngineConfig(tmp('rules:\n  consolidation:\n    minShare: 0.9\n'));
    expect(config.rules.consolidation.minShare).toBe(0.9);
    expect(config.rules.consolidation.windowHours).toBe(24);
    expect(config.rules['geo-mismatch'].minScore).toBe(50);
    expect(Object.isFrozen(config.rules.consolidation)).toBe(true);
  });

  it('stops with one line naming the bad value, an unknown key or an unreadable file', () => {
    expect(() => loadEngineConfig(tmp('retentionDays: 0\n'))).toThrow(/: retentionDays: /);
    expect(() => parseEngineConfig({ rules: { 'shared-device': { minWorker: 2 } } })).toThrow(
      ConfigError,
    );
    expect(() => parseEngineConfig({ rules: { 'no-such-rule': {} } })).toThrow(/rules/);
    expect(() => loadEngineConfig(tmp('rules: [\n'))).toThrow(/not YAML/);
    expect(() => loadEngineConfig('/nonexistent/rules.yaml')).toThrow(/cannot read/);
  });

  it('validates suppressions: a subject is required', () => {
    const base = { id: 's-1', rule: '*', expiresAt: '2026-12-31', reason: 'reviewed' };
    expect(() => parseEngineConfig({ suppressions: [base] })).toThrow(
      /needs a wallet or a workerId/,
    );
    expect(
      parseEngineConfig({ suppressions: [{ ...base, workerId: 'w-1' }] }).suppressions,
    ).toHaveLength(1);
  });
});
