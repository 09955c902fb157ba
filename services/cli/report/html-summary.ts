import type { Alert, HopPathEvidence } from '../../../shared/engine/alert.ts';
import type { Case } from './cases.ts';
import { html, type SafeHtml } from './escape.ts';
import { plural } from './format.ts';
import { alertAnchor, workerText } from './html-alert.ts';
import { ruleLabel, SEVERITIES } from './rules.ts';
import type { AlertSummary, RuleCount } from './summary.ts';
import { hopPathSvg } from './svg.ts';

const BAR_COLORS = {
  critical: '#b91c1c',
  high: '#ea580c',
  medium: '#ca8a04',
  low: '#64748b',
} as const;

/** The headline numbers: alerts by severity, and the workers and wallets they name. */
export function summaryCards(s: AlertSummary): SafeHtml {
  const card = (cls: string, n: number, what: string) =>
    html`<div class="card ${cls}"><div class="n">${n.toLocaleString('en-US')}</div><div class="what">${what}</div></div>`;
  return html`<div class="cards">${card('total', s.total, 'alerts')}${SEVERITIES.map((sev) => card(sev, s.bySeverity[sev], sev))}
${card('people', s.workers, 'workers named')}${card('people', s.wallets, 'wallets flagged')}</div>`;
}

function bar(r: RuleCount, max: number): SafeHtml {
  const width = 220;
  let x = 0;
  const parts = SEVERITIES.filter((s) => r.bySeverity[s] > 0).map((s) => {
    const w = Math.max(3, (r.bySeverity[s] / max) * width);
    const rect = html`<rect x="${x.toFixed(1)}" y="2" width="${w.toFixed(1)}" height="14" rx="2" fill="${BAR_COLORS[s]}"><title>${r.bySeverity[s]} ${s}</title></rect>`;
    x += w + 1;
    return rect;
  });
  return html`<svg class="bar" viewBox="0 0 ${width + 8} 18" width="${width + 8}" height="18" role="img" aria-label="${r.total} alerts">${parts}</svg>`;
}

/** Alerts by rule and severity, a row per rule that fired, with a stacked bar. */
export function ruleTable(s: AlertSummary): SafeHtml {
  const max = Math.max(1, ...s.byRule.map((r) => r.total));
  const rows = s.byRule.map((r) => {
    const label = ruleLabel(r.rule);
    const cells = SEVERITIES.map(
      (sev) =>
        html`<td class="num ${r.bySeverity[sev] ? sev : 'zero'}">${r.bySeverity[sev] || '·'}</td>`,
    );
    return html`<tr><td><b>${label.name}</b> <code>${r.rule}</code><div class="muted small">${label.looksFor}</div></td>${cells}<td class="num"><b>${r.total}</b></td><td>${bar(r, max)}</td></tr>`;
  });
  const head = SEVERITIES.map((sev) => html`<th class="num">${sev}</th>`);
  return html`<table class="rules"><thead><tr><th>Rule</th>${head}<th class="num">total</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Links to a case's alerts; repeats of one finding (one per month) share a line with a count. */
function alertLinks(alerts: readonly Alert[], limit = 8): SafeHtml {
  const byTitle = new Map<string, Alert[]>();
  for (const a of alerts) byTitle.set(a.title, [...(byTitle.get(a.title) ?? []), a]);
  const lines = [...byTitle.values()].map((same) => {
    const a = same[0]!;
    const times = same.length > 1 ? html` <span class="muted">×${same.length}</span>` : '';
    return html`<li><a href="#${alertAnchor(a)}"><span class="dot ${a.severity}"></span>${a.title}</a>${times}</li>`;
  });
  const more =
    lines.length > limit
      ? html`<li class="muted">and ${lines.length - limit} more findings below</li>`
      : '';
  return html`<ul class="links">${lines.slice(0, limit)}${more}</ul>`;
}

/** The strongest hop path among a case's alerts, drawn: where the case's money ends up. */
function caseFlow(c: Case): SafeHtml {
  let best: { path: HopPathEvidence; alert: Alert } | undefined;
  for (const a of c.alerts)
    for (const e of a.evidence)
      if (e.kind === 'hop-path' && (!best || e.exposure > best.path.exposure))
        best = { path: e, alert: a };
  if (!best) return html``;
  const inbound = best.path.direction === 'inbound';
  const end = (inbound ? best.path.hops[0]?.from : best.path.hops.at(-1)?.to)?.toLowerCase();
  const listed = best.alert.evidence.find(
    (e) => e.kind === 'list-entry' && e.address?.toLowerCase() === end,
  );
  const name = listed?.kind === 'list-entry' ? listed.name : undefined;
  const share = `${Math.round(best.path.exposure * 100)}%`;
  const caption = inbound
    ? `Money flow: ${share} of a transfer into the worker's wallet came from the listed wallet`
    : `Money flow: ${share} of a payout reached the listed wallet`;
  return html`<figure class="case-flow">${hopPathSvg(best.path, name, inbound)}<figcaption>${caption}</figcaption></figure>`;
}

/** Cases: the alerts grouped by the workers (or network) they are about, worst first. */
export function caseList(cases: readonly Case[], names: ReadonlyMap<string, string>): SafeHtml {
  const items = cases.map((c) => {
    const who =
      c.workers.length > 1
        ? `Network of ${c.workers.length} workers`
        : `Worker ${workerText(c.workers[0] ?? '', names)}`;
    const rules = c.rules.map((r) => html`<span class="chip">${ruleLabel(r).name}</span>`);
    return html`<div class="case sev-${c.severity}"><div class="case-head"><span class="badge ${c.severity}">${c.severity}</span><span class="score">${c.score}</span><h3>${who}</h3><span class="muted">${plural(c.alerts.length, 'alert')}</span></div>
${c.workers.length > 1 ? html`<p class="small">${c.workers.map((w) => workerText(w, names)).join(' · ')}</p>` : ''}
<p>${rules}</p><div class="case-body">${alertLinks(c.alerts)}${caseFlow(c)}</div></div>`;
  });
  return html`${items}`;
}

/** Alerts about wallets that no case's worker touches (a listed wallet paying a stranger). */
export function otherFindings(alerts: readonly Alert[]): SafeHtml {
  if (alerts.length === 0) return html``;
  const worst = alerts[0]!;
  return html`<div class="case sev-${worst.severity}"><div class="case-head"><span class="badge ${worst.severity}">${worst.severity}</span><h3>Wallets with no worker on file</h3><span class="muted">${plural(alerts.length, 'alert')}</span></div>
${alertLinks(alerts)}</div>`;
}
