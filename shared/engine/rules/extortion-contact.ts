import { Type } from '@sinclair/typebox';
import type { NormalizedEvent } from '../../normalize/index.ts';
import type { Alert } from '../alert.ts';
import { describeEvent, fact } from '../evidence.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { Enabled, Score, severityOf } from '../scoring.ts';

/** Thresholds of `extortion-contact`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    score: Score(85, 'a worker profile carries a contact an extortion report named'),
    perExtraContact: Score(5, 'added for each further matching contact'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;

/** A contact match: the worker, which contact, which report. */
interface Match {
  readonly workerId: string;
  readonly kind: string;
  readonly value: string;
  readonly reportId: string;
}

function alertFor(
  c: Config,
  workerId: string,
  matches: readonly Match[],
  event: NormalizedEvent,
): Alert {
  const score = Math.min(100, c.score + c.perExtraContact * (matches.length - 1));
  const kinds = [...new Set(matches.map((m) => m.kind))].join(', ');
  return alertFrom(
    {
      rule: 'extortion-contact',
      severity: severityOf(score),
      score,
      title: `Worker ${workerId} shares ${kinds} with extortion report ${matches[0]!.reportId}`,
      subject: { kind: 'worker', workerId },
      subjectKey: workerId,
      evidence: [
        describeEvent(event),
        ...matches.map((m) => fact(`${m.kind} named in report ${m.reportId}`, m.value)),
      ],
      related: { workers: [workerId], wallets: [], payouts: [] },
    },
    event,
  );
}

/**
 * `extortion-contact`: an email, phone number or messenger handle of an extortion report
 * appears in a worker profile, whichever arrives first. Contacts are compared normalized
 * (case, `+tags` and Gmail dots, phone punctuation and country prefix, `@` of handles).
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'extortion-contact',
  schema,
  create(config) {
    return {
      id: 'extortion-contact',
      types: ['worker.upserted', 'extortion.reported'],
      evaluate(event, ctx) {
        const facts = ctx.facts;
        if (!config.enabled) return NO_ALERTS;
        if (facts?.kind === 'worker') {
          const workerId = facts.record.workerId;
          const matches = facts.contactHits.map((h) => ({
            workerId,
            kind: h.kind,
            value: h.value,
            reportId: h.report.reportId,
          }));
          return matches.length > 0 ? [alertFor(config, workerId, matches, event)] : [];
        }
        if (facts?.kind !== 'report') return NO_ALERTS;
        const e = event.envelope;
        const reportId = e.type === 'extortion.reported' ? e.data.reportId : '';
        const byWorker = new Map<string, Match[]>();
        for (const h of facts.workers) {
          const list = byWorker.get(h.workerId) ?? [];
          list.push({ workerId: h.workerId, kind: h.kind, value: h.value, reportId });
          byWorker.set(h.workerId, list);
        }
        return [...byWorker].map(([workerId, matches]) =>
          alertFor(config, workerId, matches, event),
        );
      },
    };
  },
};
