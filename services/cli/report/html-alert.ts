import type { Alert } from '../../../shared/engine/alert.ts';
import { html, type SafeHtml } from './escape.ts';
import { period, plural, shortHex } from './format.ts';
import { evidenceSections, flowPictures } from './html-evidence.ts';
import { ruleLabel } from './rules.ts';

/** Worker ids with their legal names where known: `w-00065 (Chong In-chol)`. */
export function workerText(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name ? `${id} (${name})` : id;
}

/** The anchor of an alert card, for links from the summary and the cases. */
export function alertAnchor(alert: Alert): string {
  return `alert-${alert.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function subject(alert: Alert, names: ReadonlyMap<string, string>): SafeHtml {
  const s = alert.subject;
  const parts: SafeHtml[] = [];
  if (s.address)
    parts.push(
      html`wallet <span class="mono" title="${s.address}">${s.address}</span>${s.chain ? ` on ${s.chain}` : ''}`,
    );
  if (s.workerId) parts.push(html`worker <b>${workerText(s.workerId, names)}</b>`);
  if (s.employerId) parts.push(html`employer <b>${s.employerId}</b>`);
  return html`${parts.map((p, i) => html`${i ? ' · ' : ''}${p}`)}`;
}

function related(alert: Alert, names: ReadonlyMap<string, string>): SafeHtml {
  const { workers, wallets, payouts } = alert.related;
  const rows: SafeHtml[] = [];
  if (workers.length)
    rows.push(
      html`<div><span>Workers</span>${workers.map((w) => workerText(w, names)).join(', ')}</div>`,
    );
  if (wallets.length)
    rows.push(
      html`<div><span>Wallets</span>${wallets.map((w, i) => html`${i ? ', ' : ''}<span class="mono" title="${w}">${shortHex(w, 8, 6)}</span>`)}</div>`,
    );
  if (payouts.length) {
    const shown = payouts.slice(0, 12).join(', ');
    rows.push(
      html`<div><span>Payouts</span>${shown}${payouts.length > 12 ? ` and ${payouts.length - 12} more` : ''}</div>`,
    );
  }
  return rows.length ? html`<div class="related">${rows}</div>` : html``;
}

/** Tags for a reorg: some events retracted, or the whole finding withdrawn. */
function reorg(alert: Alert): SafeHtml | string {
  if (alert.withdrawn)
    return html` · <span class="tag warn">withdrawn: every event it rested on left the chain</span>`;
  const n = alert.retractedEventIds?.length ?? 0;
  return n ? html` · <span class="tag warn">${plural(n, 'event')} retracted by a reorg</span>` : '';
}

/** One alert as a card: severity, title, what it is about, the flow picture, and every piece of evidence. */
export function alertCard(alert: Alert, names: ReadonlyMap<string, string>): SafeHtml {
  const label = ruleLabel(alert.rule);
  return html`<article class="alert sev-${alert.severity}" id="${alertAnchor(alert)}">
<header><span class="badge ${alert.severity}">${alert.severity}</span><span class="score" title="score 0-100">${alert.score}</span><h3>${alert.title}</h3></header>
<p class="meta"><b>${label.name}</b> <code>${alert.rule}</code> · ${subject(alert, names)}</p>
<p class="meta muted">${plural(alert.count, 'event')} · ${period(alert)}${alert.lookback ? html` · <span class="tag">found by lookback</span>` : ''}${reorg(alert)} · status ${alert.status} · <span class="mono">${alert.id}</span></p>
${flowPictures(alert)}
${evidenceSections(alert)}
${related(alert, names)}
</article>`;
}
