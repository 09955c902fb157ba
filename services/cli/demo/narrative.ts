import type { Alert, RuleId, Severity } from '../../../shared/engine/alert.ts';
import type { ListVersion } from '../../../shared/lists/types.ts';
import { type Case, groupCases } from '../report/cases.ts';
import { explainAlert } from '../report/explain.ts';
import { plural, wrap } from '../report/format.ts';
import { ruleLabel } from '../report/rules.ts';
import { byRisk, severityText, summarize } from '../report/summary.ts';

/** What the demo prints about one run. */
export interface DemoRun {
  readonly story: readonly string[];
  /** `embedded mode (one process, in-memory state)` or the streaming route. */
  readonly modeLine: string;
  /** `9,829 events (300 profiles, ...)`. */
  readonly eventsLine: string;
  readonly lists: readonly ListVersion[];
  readonly alerts: readonly Alert[];
  readonly ms: number;
  readonly names: ReadonlyMap<string, string>;
  /** ANSI colours (only on a terminal). */
  readonly color: boolean;
}

const ANSI: Readonly<Record<Severity | 'bold' | 'dim', string>> = {
  critical: '\x1b[1;31m',
  high: '\x1b[33m',
  medium: '\x1b[36m',
  low: '\x1b[2m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
};

/** Rules whose alerts tell the story best, explained first when present. */
const EXPLAIN_FIRST: readonly RuleId[] = [
  'sanctioned-exposure',
  'consolidation',
  'identity-match',
  'extortion-wallet',
];
const WIDTH = 100;

const clip = (text: string, width = WIDTH) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text;

function painter(color: boolean) {
  return (style: keyof typeof ANSI, text: string) =>
    color ? `${ANSI[style]}${text}\x1b[0m` : text;
}

const named = (w: string, names: ReadonlyMap<string, string>) =>
  names.get(w) ? `${w} (${names.get(w)})` : w;

/** One line per rule of a case: how many alerts, and the most telling title. */
function ruleLines(alerts: readonly Alert[]): string[] {
  const byRule = new Map<string, Alert[]>();
  for (const a of alerts) byRule.set(a.rule, [...(byRule.get(a.rule) ?? []), a]);
  return [...byRule].map(([rule, list]) => {
    const name = ruleLabel(rule).name.padEnd(24);
    return clip(`    ${name}${String(list.length).padStart(3)}  ${list[0]!.title}`);
  });
}

function caseBlock(
  c: Case,
  names: ReadonlyMap<string, string>,
  paint: ReturnType<typeof painter>,
): string[] {
  const head = `  ${paint(c.severity, c.severity.toUpperCase().padEnd(8))} ${String(c.score).padStart(3)}  `;
  if (c.workers.length === 1)
    return [
      `${head}${paint('bold', `Worker ${named(c.workers[0]!, names)}`)}`,
      ...ruleLines(c.alerts),
    ];
  const members = wrap(c.workers.map((w) => named(w, names)).join(', '), WIDTH - 4, '    ');
  return [
    `${head}${paint('bold', `Network of ${c.workers.length} workers`)}`,
    `    ${members}`,
    ...ruleLines(c.alerts),
  ];
}

/** An explanation with long lines wrapped under their first word. */
function explained(a: Alert, names: ReadonlyMap<string, string>): string {
  const text = explainAlert(a, { maxEvidence: 4, names });
  return text
    .split('\n')
    .map((line) => wrap(line, WIDTH, line.startsWith('  - ') ? '      ' : '    '))
    .join('\n');
}

/** The alerts to explain: the best of each telling rule, then the worst of the rest, up to `n`. */
export function topAlerts(alerts: readonly Alert[], n = 3): Alert[] {
  const sorted = [...alerts].sort(byRisk);
  const picked: Alert[] = [];
  for (const rule of EXPLAIN_FIRST) {
    const a = sorted.find((x) => x.rule === rule);
    if (a && picked.length < n) picked.push(a);
  }
  for (const a of sorted)
    if (picked.length < n && !picked.some((p) => p.rule === a.rule)) picked.push(a);
  return picked;
}

/** The demo's output: the story, what was screened, the cases found, and the top alerts explained. */
export function demoText(run: DemoRun): string {
  const paint = painter(run.color);
  const summary = summarize(run.alerts);
  const { cases, unattached } = groupCases(run.alerts);
  const lines = [
    paint('bold', `Flowsentry demo: ${run.modeLine}`),
    '',
    paint('bold', 'The story'),
    ...run.story.map((s, i) => wrap(`  ${i + 1}. ${s}`, WIDTH, '     ')),
    '',
    wrap(
      `Screened ${run.eventsLine} against ${run.lists.map((l) => l.id).join(', ')} in ${(run.ms / 1000).toFixed(1)} s.`,
      WIDTH,
      '  ',
    ),
    paint(
      'bold',
      `${plural(summary.total, 'alert')} (${severityText(summary.bySeverity)}) in ${plural(cases.length, 'case')}:`,
    ),
    '',
    ...cases.flatMap((c) => [...caseBlock(c, run.names, paint), '']),
  ];
  if (unattached.length)
    lines.push(
      `  ${paint('bold', 'Wallets with no worker on file')}`,
      ...ruleLines(unattached),
      '',
    );
  lines.push(paint('bold', 'Why: the top alerts explained'), '');
  for (const a of topAlerts(run.alerts)) lines.push(explained(a, run.names), '');
  return lines.join('\n');
}
