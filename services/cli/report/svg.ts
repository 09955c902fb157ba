import type { HopPathEvidence } from '../../../shared/engine/alert.ts';
import { html, type SafeHtml } from './escape.ts';
import { percent, shortHex } from './format.ts';

const NODE_W = 142;
const NODE_H = 58;
const GAP = 100;
const PAD = 8;

/** How a node of a flow picture is drawn: where the money starts, passes, or ends up listed. */
type Role = 'start' | 'hop' | 'listed' | 'collector';

const FILL: Readonly<Record<Role, [string, string]>> = {
  start: ['#eff6ff', '#2563eb'],
  hop: ['#f8fafc', '#94a3b8'],
  listed: ['#fef2f2', '#dc2626'],
  collector: ['#fff7ed', '#ea580c'],
};

interface Node {
  readonly x: number;
  readonly y: number;
  readonly role: Role;
  readonly caption: string;
  readonly address: string;
  readonly note?: string;
}

function node(n: Node): SafeHtml {
  const [fill, stroke] = FILL[n.role];
  const cx = n.x + NODE_W / 2;
  return html`<g class="node"><title>${n.address}</title>
<rect x="${n.x}" y="${n.y}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>
<text x="${cx}" y="${n.y + 19}" text-anchor="middle" class="cap" fill="${stroke}">${n.caption}</text>
<text x="${cx}" y="${n.y + 37}" text-anchor="middle" class="addr">${shortHex(n.address, 8, 6)}</text>
${n.note ? html`<text x="${cx}" y="${n.y + 51}" text-anchor="middle" class="note">${n.note.length > 24 ? `${n.note.slice(0, 23)}…` : n.note}</text>` : ''}</g>`;
}

function arrow(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  above?: string,
  below?: string,
): SafeHtml {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = [0.4, -0.4].map(
    (d) => `${x2 - 9 * Math.cos(angle + d)},${y2 - 9 * Math.sin(angle + d)}`,
  );
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  return html`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#475569" stroke-width="1.5"/>
<polygon points="${x2},${y2} ${head.join(' ')}" fill="#475569"/>
${above ? html`<text x="${mx}" y="${my - 8}" text-anchor="middle" class="amt">${above}</text>` : ''}
${below ? html`<text x="${mx}" y="${my + 16}" text-anchor="middle" class="share">${below}</text>` : ''}`;
}

function svg(width: number, height: number, label: string, body: SafeHtml[]): SafeHtml {
  return html`<svg class="flow" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/**
 * A hop path as a picture: the subject wallet, each hop with the amount and the share of the
 * payout it carried, and the listed wallet at the end (named when the list entry is known).
 * An inbound path (money from a listed wallet to a worker) starts at the listed wallet and
 * ends at the worker's wallet; its shares are of what each wallet took in.
 */
export function hopPathSvg(path: HopPathEvidence, listedName?: string, inbound = false): SafeHtml {
  const wallets = [path.hops[0]?.from ?? '', ...path.hops.map((h) => h.to)];
  const parts: SafeHtml[] = [];
  const [ends, roles]: [[string, string], [Role, Role]] = inbound
    ? [
        ['listed wallet', 'worker wallet'],
        ['listed', 'start'],
      ]
    : [
        ['payout wallet', 'listed wallet'],
        ['start', 'listed'],
      ];
  wallets.forEach((address, i) => {
    const last = i === wallets.length - 1;
    const role: Role = i === 0 ? roles[0] : last ? roles[1] : 'hop';
    const caption = i === 0 ? ends[0] : last ? ends[1] : `hop ${i}`;
    const named = inbound ? i === 0 : last;
    const x = PAD + i * (NODE_W + GAP);
    parts.push(
      node({
        x,
        y: 26,
        role,
        caption,
        address,
        ...(named && listedName ? { note: listedName } : {}),
      }),
    );
    const hop = path.hops[i];
    if (hop)
      parts.push(
        arrow(
          x + NODE_W,
          55,
          x + NODE_W + GAP - 2,
          55,
          hop.amount,
          `${percent(hop.share)} of ${inbound ? 'inflow' : 'payout'}`,
        ),
      );
  });
  const width = PAD * 2 + wallets.length * NODE_W + (wallets.length - 1) * GAP;
  const label = inbound
    ? `${percent(path.exposure)} of a transfer into ${wallets.at(-1)} came from ${wallets[0]} in ${path.hops.length} hop(s) on ${path.chain}`
    : `${percent(path.exposure)} of the payout reached ${wallets.at(-1)} in ${path.hops.length} hop(s) on ${path.chain}`;
  return svg(width, 100, label, parts);
}

/** One wallet that feeds a collector, and the workers paid to it. */
export interface Feeder {
  readonly address: string;
  readonly workers: readonly string[];
}

const MAX_FEEDERS = 8;

/** Consolidation as a picture: the workers' wallets on the left, each feeding the collector on the right. */
export function fanInSvg(feeders: readonly Feeder[], collector: string): SafeHtml {
  const shown = feeders.slice(0, MAX_FEEDERS);
  const rowH = NODE_H + 14;
  const height = Math.max(NODE_H + 20, shown.length * rowH + 10);
  const cx = PAD + NODE_W + GAP * 1.6;
  const cy = height / 2 - NODE_H / 2;
  const parts = shown.map((f, i) => {
    const y = 8 + i * rowH;
    const note = f.workers.length > 2 ? `${f.workers.length} workers` : f.workers.join(', ');
    return html`${node({ x: PAD, y, role: 'start', caption: 'payout wallet', address: f.address, note })}${arrow(PAD + NODE_W, y + NODE_H / 2, cx - 2, cy + NODE_H / 2)}`;
  });
  parts.push(node({ x: cx, y: cy, role: 'collector', caption: 'collector', address: collector }));
  if (feeders.length > shown.length)
    parts.push(
      html`<text x="${PAD}" y="${height - 2}" class="note">+${feeders.length - shown.length} more</text>`,
    );
  return svg(
    cx + NODE_W + PAD,
    height,
    `${feeders.length} wallets forward to collector ${collector}`,
    parts,
  );
}
