// @ts-check
// Draws a hop path (subject wallet -> ... -> listed wallet; inbound: listed wallet -> ... ->
// subject) as a small left-to-right SVG graph.
import { s, shortAddress } from './dom.js';

const NODE_W = 150;
const NODE_H = 48;
const GAP = 110;
const PAD = 12;
const TOP = 30;

function node(address, x, role, chain) {
  const cls =
    role === 'listed' ? 'gnode gnode-listed' : role === 'subject' ? 'gnode gnode-subject' : 'gnode';
  const caption =
    role === 'listed' ? 'listed wallet' : role === 'subject' ? 'subject' : 'intermediate';
  const link = s('a', {
    href: `#/wallets/${encodeURIComponent(chain)}/${encodeURIComponent(address)}`,
    class: cls,
  });
  link.append(
    s('title', {}, address),
    s('rect', { x, y: TOP, width: NODE_W, height: NODE_H, rx: 8 }),
    s('text', { x: x + NODE_W / 2, y: TOP + 20, class: 'gaddr' }, shortAddress(address)),
    s('text', { x: x + NODE_W / 2, y: TOP + 37, class: 'gcap' }, caption),
  );
  return link;
}

/** @param {import('./types.js').Hop} hop @param {number} x1 */
function edge(hop, x1) {
  const x2 = x1 + GAP;
  const y = TOP + NODE_H / 2;
  const g = s('g', { class: 'gedge' });
  g.append(
    s('line', { x1: x1 + 4, y1: y, x2: x2 - 6, y2: y, 'marker-end': 'url(#arrow)' }),
    s('text', { x: (x1 + x2) / 2, y: y - 8, class: 'gamount' }, hop.amount),
    s('text', { x: (x1 + x2) / 2, y: y + 18, class: 'gshare' }, `${Math.round(hop.share * 100)}%`),
  );
  if (hop.txHash) g.append(s('title', {}, `tx ${hop.txHash}`));
  return g;
}

/** The SVG for one hop-path evidence item. */
/** @param {Extract<import('./types.js').Evidence, {kind: 'hop-path'}>} evidence */
export function hopGraph(evidence) {
  const hops = evidence.hops;
  const wallets = [hops[0]?.from, ...hops.map((hop) => hop.to)].filter(Boolean);
  const width = PAD * 2 + wallets.length * NODE_W + (wallets.length - 1) * GAP;
  const height = TOP + NODE_H + 16;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: 'hop-graph',
    role: 'img',
    'aria-label': `Hop path of ${hops.length} hops`,
  });
  const marker = s(
    'marker',
    {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
  );
  svg.append(s('defs', {}, marker));
  svg.append(
    s(
      'text',
      { x: PAD, y: 16, class: 'glegend' },
      `${evidence.chain} · exposure ${Math.round(evidence.exposure * 100)}%`,
    ),
  );
  wallets.forEach((address, i) => {
    const x = PAD + i * (NODE_W + GAP);
    const [first, last] =
      evidence.direction === 'inbound' ? ['listed', 'subject'] : ['subject', 'listed'];
    const role = i === 0 ? first : i === wallets.length - 1 ? last : 'hop';
    svg.append(node(address, x, role, evidence.chain));
    if (i < hops.length) svg.append(edge(hops[i], x + NODE_W));
  });
  return svg;
}
