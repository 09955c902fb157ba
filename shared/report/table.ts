import type { Alert } from '../engine/alert.ts';

const COLUMNS = ['severity', 'score', 'rule', 'subject', 'count', 'lastSeenAt', 'title'] as const;

function cell(alert: Alert, column: (typeof COLUMNS)[number]): string {
  if (column === 'subject')
    return alert.subject.address ?? alert.subject.workerId ?? alert.subject.employerId ?? '';
  return String(alert[column]);
}

/** Alerts as an aligned plain-text table for a terminal. */
export function alertTable(alerts: readonly Alert[]): string {
  const rows = alerts.map((a) => COLUMNS.map((c) => cell(a, c)));
  const widths = COLUMNS.map((c, i) =>
    Math.min(60, Math.max(c.length, ...rows.map((r) => r[i]!.length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((v, i) => v.slice(0, widths[i]).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
