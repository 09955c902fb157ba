/** The report's whole stylesheet, inlined: the file must open anywhere with no request. */
export const REPORT_CSS = `
:root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--crit:#b91c1c;--high:#ea580c;--med:#ca8a04;--low:#64748b;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.top{background:#0f172a;color:#e2e8f0;padding:22px 0 20px}
.wrap{max-width:1180px;margin:0 auto;padding:0 28px}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;letter-spacing:.02em;color:#93c5fd;font-size:13px;text-transform:uppercase}
.brand svg{flex:none}
h1{margin:6px 0 4px;font-size:24px;font-weight:650;color:#fff}
.top .meta{color:#94a3b8;font-size:13px;margin:0}
.top .meta b{color:#e2e8f0;font-weight:600}
main{padding:22px 0 40px}
section.block{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px}
h2{font-size:16px;margin:0 0 12px;font-weight:650}
h3{font-size:15px;margin:0;font-weight:600}
h4{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:14px 0 6px}
.story{border-left:3px solid var(--accent);background:#eff6ff}
.story ol{margin:0;padding-left:20px}
.story li{margin:3px 0}
.cards{display:grid;grid-template-columns:repeat(7,1fr);gap:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;border-top:3px solid var(--line)}
.card .n{font-size:24px;font-weight:700;line-height:1.2}
.card .what{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.total{border-top-color:var(--ink)}.card.critical{border-top-color:var(--crit)}.card.high{border-top-color:var(--high)}
.card.medium{border-top-color:var(--med)}.card.low{border-top-color:var(--low)}.card.people{border-top-color:var(--accent)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;width:64px}
td.critical{color:var(--crit);font-weight:600}td.high{color:var(--high);font-weight:600}td.medium{color:var(--med);font-weight:600}td.zero{color:#cbd5e1}
.small{font-size:12px}table.ev td.mono{white-space:nowrap}.muted{color:var(--muted)}.nowrap{white-space:nowrap}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
code{background:#f1f5f9;border-radius:4px;padding:1px 5px;color:#334155}
.mono{word-break:break-all}
.badge{display:inline-block;border-radius:4px;padding:2px 7px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#fff}
.badge.critical{background:var(--crit)}.badge.high{background:var(--high)}.badge.medium{background:var(--med)}.badge.low{background:var(--low)}
.score{font-weight:700;font-size:13px;border:1px solid var(--line);border-radius:4px;padding:1px 6px;color:#334155}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:7px;vertical-align:1px}
.dot.critical{background:var(--crit)}.dot.high{background:var(--high)}.dot.medium{background:var(--med)}.dot.low{background:var(--low)}
.cases{display:grid;grid-template-columns:1fr;gap:12px}
.case-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px 24px;align-items:start}
.case-flow{padding-top:4px}
.case{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;padding:12px 14px}
.case.sev-critical{border-left-color:var(--crit)}.case.sev-high{border-left-color:var(--high)}.case.sev-medium{border-left-color:var(--med)}.case.sev-low{border-left-color:var(--low)}
.case-head{display:flex;align-items:center;gap:8px}.case-head h3{flex:1}
.case p{margin:6px 0}
.chip{display:inline-block;background:#f1f5f9;border:1px solid var(--line);border-radius:999px;padding:1px 9px;margin:0 4px 4px 0;font-size:12px}
ul.links{list-style:none;margin:4px 0 0;padding:0}
ul.links li{padding:2px 0;font-size:13px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.alert{background:#fff;border:1px solid var(--line);border-left:4px solid var(--line);border-radius:10px;padding:14px 18px;margin:0 0 14px}
.alert.sev-critical{border-left-color:var(--crit)}.alert.sev-high{border-left-color:var(--high)}.alert.sev-medium{border-left-color:var(--med)}.alert.sev-low{border-left-color:var(--low)}
.alert header{display:flex;align-items:center;gap:8px}
.alert .meta{margin:6px 0 0;font-size:13px}
.tag{background:#ede9fe;color:#5b21b6;border-radius:4px;padding:1px 6px;font-size:12px}.tag.warn{background:#fef3c7;color:#92400e}
.flows{display:flex;flex-wrap:wrap;gap:10px 24px;margin:12px 0 2px}
figure{margin:0;overflow-x:auto;max-width:100%}
figcaption{font-size:12px;color:var(--muted);margin-top:2px}
svg.flow{max-width:100%;height:auto}
svg.flow .cap{font:600 11px sans-serif;text-transform:uppercase;letter-spacing:.04em}
svg.flow .addr{font:12px ui-monospace,Menlo,Consolas,monospace;fill:#0f172a}
svg.flow .note{font:11px sans-serif;fill:#475569}
svg.flow .amt{font:600 12px sans-serif;fill:#0f172a}
svg.flow .share{font:11px sans-serif;fill:#64748b}
table.ev td,table.facts td,table.facts th{font-size:13px}
table.facts th{width:190px;color:#334155;font-weight:600}
details summary{cursor:pointer;color:var(--accent);font-size:13px;margin:6px 0}
.related{margin-top:10px;font-size:13px;color:#334155}
.related div{margin:2px 0}.related span:first-child{display:inline-block;width:80px;color:var(--muted)}
footer{color:var(--muted);font-size:12px;padding:0 0 30px}
@media (max-width:900px){.cards{grid-template-columns:repeat(4,1fr)}.case-body{grid-template-columns:1fr}}
@media print{body{background:#fff}.top{background:#fff;color:#000}h1{color:#000}details{display:block}}
`;
