import { Type } from '@sinclair/typebox';
import type { Severity } from './alert.ts';

/** Score at or above which a finding takes each severity (the same bands for every rule). */
export const SEVERITY_BANDS: Readonly<Record<Exclude<Severity, 'low'>, number>> = Object.freeze({
  critical: 90,
  high: 70,
  medium: 40,
});

/** Severity of a 0-100 score. */
export function severityOf(score: number): Severity {
  if (score >= SEVERITY_BANDS.critical) return 'critical';
  if (score >= SEVERITY_BANDS.high) return 'high';
  if (score >= SEVERITY_BANDS.medium) return 'medium';
  return 'low';
}

/** A score rounded into 0-100. */
export function clampScore(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

/** The `enabled` switch every rule section has. */
export const Enabled = Type.Boolean({ default: true, description: 'run this rule' });

/** A 0-100 score setting. */
export const Score = (value: number, description: string) =>
  Type.Integer({ minimum: 0, maximum: 100, default: value, description });

/** A share in [0, 1]. */
export const Share = (value: number, description: string, min = 0, max = 1) =>
  Type.Number({ minimum: min, maximum: max, default: value, description });
