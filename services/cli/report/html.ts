import type { Alert } from '../../../shared/engine/alert.ts';
import type { ListVersion } from '../../../shared/lists/types.ts';
import { groupCases } from './cases.ts';
import { REPORT_CSS } from './css.ts';
import { html, type SafeHtml, trusted } from './escape.ts';
import { plural, when } from './format.ts';
import { alertCard } from './html-alert.ts';
import { caseList, otherFindings, ruleTable, summaryCards } from './html-summary.ts';
import { byRisk, summarize } from './summary.ts';

/** What a report is made of: the alerts, and what was screened against what. */
export interface ReportInput {
  readonly alerts: readonly Alert[];
  readonly title?: string;
  /** When the report was made (ISO); shown, not used for anything else. */
  readonly generatedAt: string;
  readonly mode: 'embedded' | 'streaming';
  readonly inputs: {
    readonly files: readonly string[];
    readonly events: number;
    readonly rejected: number;
    /** Event time of the first and last event screened. */
    readonly from?: string;
    readonly to?: string;
  };
  readonly lists: readonly ListVersion[];
  /** Legal names by worker id, from the profiles screened. */
  readonly workerNames?: ReadonlyMap<string, string>;
  /** A narrative to open with (the demo's story). */
  readonly story?: readonly string[];
}

/** Alerts drawn in full; past this many, the rest are listed in the JSON output only. */
export const MAX_ALERT_CARDS = 500;

const LOGO = trusted(
  '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2l8 3v6c0 5-3.4 9.3-8 11-4.6-1.7-8-6-8-11V5z" fill="#1d4ed8"/><path d="M7 12h3l2-4 2 8 2-4h1" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>',
);

function header(input: ReportInput): SafeHtml {
  const { inputs } = input;
  const span =
    inputs.from && inputs.to
      ? html` · events from <b>${when(inputs.from)}</b> to <b>${when(inputs.to)}</b>`
      : '';
  const files = inputs.files.length
    ? html` · ${plural(inputs.files.length, 'file')}: ${inputs.files.join(', ')}`
    : '';
  const lists = input.lists.length ? input.lists.map((v) => v.id).join(', ') : 'none';
  return html`<div class="top"><div class="wrap"><div class="brand">${LOGO}Flowsentry</div>
<h1>${input.title ?? 'Screening report'}</h1>
<p class="meta"><b>${plural(inputs.events, 'event')}</b> screened in ${input.mode} mode${span}${files}${inputs.rejected ? html` · <b>${plural(inputs.rejected, 'bad line')}</b> refused` : ''}</p>
<p class="meta">Lists: <b>${lists}</b> · generated ${when(input.generatedAt)}</p></div></div>`;
}

function section(title: string, body: SafeHtml | string, cls = ''): SafeHtml {
  return html`<section class="block ${cls}"><h2>${title}</h2>${body}</section>`;
}

/**
 * The self-contained HTML report: one file, inline CSS and SVG, no script and no request
 * (a CSP meta tag forbids them). Everything taken from events or lists is escaped.
 */
export function renderHtmlReport(input: ReportInput): string {
  const names = input.workerNames ?? new Map<string, string>();
  const alerts = [...input.alerts].sort(byRisk);
  const summary = summarize(alerts);
  const { cases, unattached } = groupCases(alerts);
  const cards = alerts.slice(0, MAX_ALERT_CARDS).map((a) => alertCard(a, names));
  const cut =
    alerts.length > MAX_ALERT_CARDS
      ? html`<p class="muted">${alerts.length - MAX_ALERT_CARDS} more alerts are in the JSON output (--format json).</p>`
      : '';
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title ?? 'Flowsentry screening report'}</title><style>${trusted(REPORT_CSS)}</style></head>
<body>${header(input)}<main><div class="wrap">
${input.story?.length ? section('The story', html`<ol>${input.story.map((s) => html`<li>${s}</li>`)}</ol>`, 'story') : ''}
${section('Summary', html`${summaryCards(summary)}${summary.total ? html`<h4>By rule and severity</h4>${ruleTable(summary)}` : html`<p class="muted">No alerts: nothing screened matched a rule.</p>`}`, 'summary')}
${alerts.length ? section('Cases: alerts grouped by worker or network', html`<div class="cases">${caseList(cases, names)}${otherFindings(unattached)}</div>`) : ''}
${summary.total ? html`<h2 class="alerts-title">Alerts, worst first</h2>${cards}${cut}` : ''}
</div></main><footer><div class="wrap">Flowsentry 0.1.0 · alert ids are stable: the same inputs give the same ids in embedded and streaming mode.</div></footer></body></html>
`;
  return page.text;
}
