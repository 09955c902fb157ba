import { Type } from '@sinclair/typebox';
import type { WorkerProfile } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { describeEvent, fact } from '../evidence.ts';
import { alertFrom, type Finding, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, severityOf } from '../scoring.ts';

/** Thresholds of `geo-mismatch`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    highRiskCountries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
      default: ['KP', 'CN', 'RU'],
      description: 'login countries that weigh extra (where DPRK IT workers operate from)',
    }),
    abroadScore: Score(40, 'times the share of devices logging in from outside the residence'),
    highRiskScore: Score(35, 'a login from a high-risk country'),
    vpnScore: Score(20, 'a login through a VPN'),
    remoteAccessScore: Score(25, 'a remote-access tool on a device'),
    minScore: Score(50, 'score that alerts'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;
type Device = NonNullable<WorkerProfile['devices']>[number];

/** What the devices of a profile say about where the worker really is. */
interface Logins {
  readonly abroad: readonly Device[];
  readonly highRisk: number;
  readonly vpn: number;
  readonly tools: readonly string[];
}

function logins(
  devices: readonly Device[],
  home: string | undefined,
  risky: ReadonlySet<string>,
): Logins {
  const away = (d: Device) => d.ipCountry !== undefined && d.ipCountry !== home;
  return {
    abroad: home ? devices.filter(away) : [],
    highRisk: devices.filter((d) => away(d) && risky.has(d.ipCountry!)).length,
    vpn: devices.filter((d) => d.vpn === true).length,
    tools: [...new Set(devices.flatMap((d) => (d.remoteAccessTool ? [d.remoteAccessTool] : [])))],
  };
}

function scoreOf(c: Config, l: Logins, devices: number): number {
  const raw =
    (c.abroadScore * l.abroad.length) / devices +
    (l.highRisk > 0 ? c.highRiskScore : 0) +
    (l.vpn > 0 ? c.vpnScore : 0) +
    (l.tools.length > 0 ? c.remoteAccessScore : 0);
  return clampScore(raw);
}

function finding(p: WorkerProfile, l: Logins, score: number, event: NormalizedEvent): Finding {
  const { workerId, residenceCountry: home, devices = [] } = p;
  const countries = [...new Set(l.abroad.map((d) => d.ipCountry))].join(', ');
  return {
    rule: 'geo-mismatch',
    severity: severityOf(score),
    score,
    title: `Worker ${workerId} claims ${home ?? 'no residence'} but logs in from ${countries || 'behind remote-access tools'}`,
    subject: { kind: 'worker', workerId },
    subjectKey: workerId,
    evidence: [
      describeEvent(event),
      fact('residence', home ?? 'not given'),
      fact(
        'devices abroad',
        `${l.abroad.length} of ${devices.length}${countries ? ` (${countries})` : ''}`,
      ),
      fact('VPN logins', l.vpn),
      fact('remote-access tools', l.tools.join(', ') || 'none'),
    ],
    related: { workers: [workerId], wallets: [], payouts: [] },
  };
}

/**
 * `geo-mismatch`: a worker claims one residence and logs in from elsewhere, through VPNs
 * or remote-access tools. One trip abroad does not reach the bar; logins from a
 * high-risk country with a VPN or a remote-access tool do.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'geo-mismatch',
  schema,
  create(config) {
    const risky = new Set(config.highRiskCountries);
    return {
      id: 'geo-mismatch',
      types: ['worker.upserted'],
      evaluate(event, ctx) {
        const e = event.envelope;
        if (!config.enabled || ctx.facts?.kind !== 'worker' || ctx.facts.stale) return NO_ALERTS;
        if (e.type !== 'worker.upserted' || !e.data.devices?.length) return NO_ALERTS;
        const l = logins(e.data.devices, e.data.residenceCountry, risky);
        if (l.abroad.length === 0 && l.highRisk === 0 && l.tools.length === 0) return NO_ALERTS;
        const score = scoreOf(config, l, e.data.devices.length);
        return score < config.minScore
          ? NO_ALERTS
          : [alertFrom(finding(e.data, l, score, event), event)];
      },
    };
  },
};
