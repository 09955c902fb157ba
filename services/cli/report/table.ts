import type { Alert } from '../../../shared/engine/alert.ts';
import { forTerminal } from '../../../shared/log/terminal.ts';

const COLUMNS = ['severity', 'score', 'rule', 'subject', 'count', 'lastSeenAt', 'title'] as const;

function rawCell(alert: Alert, column: (typeof COLUMNS)[number]): string {
  if (column === 'subject')
    return alert.subject.address ?? alert.subject.workerId ?? alert.subject.employerId ?? '';
  return String(alert[column]);
}

// Worker ids, list names and titles come from events and list files: they must not steer the
// terminal, and a newline would break the table's rows.
const cell = (alert: Alert, column: (typeof COLUMNS)[number]) =>
  forTerminal(rawCell(alert, column));

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
