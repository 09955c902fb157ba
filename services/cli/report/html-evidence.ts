import type {
  Alert,
  EventEvidence,
  Evidence,
  FactEvidence,
  HopPathEvidence,
  ListEntryEvidence,
} from '../../../shared/engine/alert.ts';
import { html, type SafeHtml } from './escape.ts';
import { shortHex, when } from './format.ts';
import { type Feeder, fanInSvg, hopPathSvg } from './svg.ts';

const SHOWN = 6;

function ofKind<K extends Evidence['kind']>(
  alert: Alert,
  kind: K,
): Extract<Evidence, { kind: K }>[] {
  return alert.evidence.filter((e): e is Extract<Evidence, { kind: K }> => e.kind === kind);
}

/** Shows the first few rows and folds the rest away, so a long alert stays readable. */
function folded(rows: SafeHtml[], wrap: (rows: SafeHtml[]) => SafeHtml, what: string): SafeHtml {
  if (rows.length <= SHOWN + 2) return wrap(rows);
  return html`${wrap(rows.slice(0, SHOWN))}<details><summary>${rows.length - SHOWN} more ${what}</summary>${wrap(rows.slice(SHOWN))}</details>`;
}

function listEntries(entries: ListEntryEvidence[]): SafeHtml {
  const seen = new Set<string>();
  const rows = entries
    .filter(
      (e) =>
        !seen.has(`${e.listVersion}/${e.entryId}`) && seen.add(`${e.listVersion}/${e.entryId}`),
    )
    .map(
      (
        e,
      ) => html`<tr><td><b>${e.name}</b>${e.address ? html`<div class="mono" title="${e.address}">${e.address}</div>` : ''}</td>
<td>${e.programs.join(', ') || e.category}</td><td><span class="mono">${e.entryId}</span></td><td class="mono">${e.listVersion}</td></tr>`,
    );
  return html`<table class="ev"><thead><tr><th>Listed as</th><th>Programs</th><th>Entry</th><th>List version</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function facts(items: FactEvidence[]): SafeHtml {
  const rows = items.map((f) => html`<tr><th>${f.label}</th><td>${f.value}</td></tr>`);
  return folded(rows, (r) => html`<table class="facts"><tbody>${r}</tbody></table>`, 'facts');
}

function events(items: EventEvidence[]): SafeHtml {
  const rows = items.map(
    (
      e,
    ) => html`<tr><td class="nowrap">${when(e.occurredAt)}</td><td class="nowrap">${e.type}</td><td>${e.summary}</td>
<td class="mono" title="${e.eventId}">${e.txHash ? html`<span title="${e.txHash}">${shortHex(e.txHash, 10, 6)}</span>` : shortHex(e.eventId, 22, 6)}</td></tr>`,
  );
  const table = (r: SafeHtml[]) =>
    html`<table class="ev"><thead><tr><th>When</th><th>Event</th><th>What happened</th><th>Tx / event id</th></tr></thead><tbody>${r}</tbody></table>`;
  return folded(rows, table, 'events');
}

/** The distinct routes of an alert's hop paths, the strongest exposure of each first. */
function routes(paths: HopPathEvidence[]): HopPathEvidence[] {
  const best = new Map<string, HopPathEvidence>();
  for (const p of paths) {
    const key = [p.hops[0]?.from, ...p.hops.map((h) => h.to)].join('>').toLowerCase();
    const seen = best.get(key);
    if (!seen || p.exposure > seen.exposure) best.set(key, p);
  }
  return [...best.values()].sort((a, b) => b.exposure - a.exposure);
}

/** Feeders of a consolidation alert: its `feeder <worker>` facts name the wallet each payout left from. */
function feeders(alert: Alert): Feeder[] {
  const byWallet = new Map<string, Set<string>>();
  for (const f of ofKind(alert, 'fact')) {
    const worker = /^feeder (.+)$/.exec(f.label)?.[1];
    const wallet = /from (0x[0-9a-fA-F]{40})/.exec(f.value)?.[1];
    if (worker && wallet) byWallet.set(wallet, (byWallet.get(wallet) ?? new Set()).add(worker));
  }
  if (byWallet.size === 0) {
    const subject = alert.subject.address?.toLowerCase();
    for (const w of alert.related.wallets)
      if (w.toLowerCase() !== subject) byWallet.set(w, new Set());
  }
  return [...byWallet].map(([address, ws]) => ({ address, workers: [...ws].sort() }));
}

/** The pictures of an alert: its hop paths (up to two routes), or the fan-in of a collector. */
export function flowPictures(alert: Alert): SafeHtml {
  const listed = ofKind(alert, 'list-entry');
  const nameOf = (address: string) =>
    listed.find((e) => e.address?.toLowerCase() === address.toLowerCase())?.name;
  const all = routes(ofKind(alert, 'hop-path'));
  const pictures = all.slice(0, 2).map((p) => {
    const inbound = p.direction === 'inbound';
    const share = `${Math.round(p.exposure * 100)}%`;
    const caption = inbound
      ? `${share} of the transfer into the worker's wallet came from the listed wallet in ${p.hops.length} hop(s) on ${p.chain}`
      : `${share} of the payout reached the listed wallet in ${p.hops.length} hop(s) on ${p.chain}`;
    const listedEnd = inbound ? p.hops[0]?.from : p.hops.at(-1)?.to;
    return html`<figure>${hopPathSvg(p, nameOf(listedEnd ?? ''), inbound)}<figcaption>${caption}</figcaption></figure>`;
  });
  if (all.length > 2)
    pictures.push(html`<p class="muted">${all.length - 2} more route(s) in the evidence.</p>`);
  if (alert.rule === 'consolidation' && alert.subject.address) {
    const f = feeders(alert);
    const caption = `${f.length} payout wallet(s) forward most of each payout to this collector`;
    if (f.length > 0)
      pictures.push(
        html`<figure>${fanInSvg(f, alert.subject.address)}<figcaption>${caption}</figcaption></figure>`,
      );
  }
  return pictures.length ? html`<div class="flows">${pictures}</div>` : html``;
}

/** The evidence of an alert as tables: list entries, facts, then events. */
export function evidenceSections(alert: Alert): SafeHtml {
  const listed = ofKind(alert, 'list-entry');
  const fs = ofKind(alert, 'fact');
  const es = ofKind(alert, 'event');
  return html`${listed.length ? html`<h4>List entries matched</h4>${listEntries(listed)}` : ''}
${fs.length ? html`<h4>Facts</h4>${facts(fs)}` : ''}
${es.length ? html`<h4>Events</h4>${events(es)}` : ''}`;
}
