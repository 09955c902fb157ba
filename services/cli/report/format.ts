import type { Alert } from '../../../shared/engine/alert.ts';

/** `0x9b65…6aC3`: long addresses and hashes shortened for a label (the full one goes in a title). */
export function shortHex(value: string, head = 6, tail = 4): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/** `2026-03-08 09:00 UTC` from an ISO time. */
export function when(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

/** `2026-03-06` or `2026-03-06 to 2026-03-20`: the days an alert covers. */
export function period(alert: Alert): string {
  const from = alert.createdAt.slice(0, 10);
  const to = alert.lastSeenAt.slice(0, 10);
  return from === to ? from : `${from} to ${to}`;
}

/** `75%` from a share 0-1. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Who or what an alert is about, in a few words: `worker w-00065`, `wallet 0x… (worker w-1)`. */
export function subjectText(alert: Alert, full = false): string {
  const s = alert.subject;
  const address = s.address && (full ? s.address : shortHex(s.address));
  if (s.kind === 'worker') return `worker ${s.workerId}${address ? ` (wallet ${address})` : ''}`;
  if (s.kind === 'employer') return `employer ${s.employerId}`;
  const chain = s.chain ? ` on ${s.chain}` : '';
  return `wallet ${address}${chain}${s.workerId ? ` (worker ${s.workerId})` : ''}`;
}

/** `1 alert`, `3 alerts`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** Wraps text at spaces to `width` columns; continuation lines get `indent` (words longer than a line stay whole). */
export function wrap(text: string, width: number, indent = ''): string {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
