// @ts-check
// Worker and wallet pages: what the queue knows about one subject and what it links to.
import { call } from './api.js';
import { h, mount, severityBadge, statusPill, when } from './dom.js';
import { alertLink, walletLink, workerLink } from './links.js';

/** @typedef {import('./types.js').WorkerView} WorkerView */
/** @typedef {import('./types.js').WalletView} WalletView */

/** @param {readonly import('./types.js').AlertSummary[]} alerts */
function alertTable(alerts) {
  if (alerts.length === 0) return h('p', { class: 'muted' }, 'No alerts.');
  return h(
    'table',
    { class: 'mini' },
    h(
      'tbody',
      {},
      ...alerts.map((a) =>
        h(
          'tr',
          {},
          h('td', {}, severityBadge(a.severity)),
          h('td', {}, alertLink(a), h('div', { class: 'meta' }, a.rule)),
          h('td', {}, statusPill(a.status)),
          h('td', { class: 'nowrap' }, when(a.lastSeenAt)),
        ),
      ),
    ),
  );
}

function entryCard(e) {
  return h(
    'div',
    { class: 'evidence ev-list' },
    h('div', { class: 'ev-kind' }, `${e.category} · ${e.source}`),
    h('div', { class: 'ev-title' }, e.name),
    h(
      'dl',
      { class: 'facts' },
      h('div', { class: 'fact' }, h('dt', {}, 'Entry'), h('dd', {}, e.entryId)),
      h(
        'div',
        { class: 'fact' },
        h('dt', {}, 'Version'),
        h('dd', {}, h('code', {}, e.listVersion)),
      ),
      h(
        'div',
        { class: 'fact' },
        h('dt', {}, 'Programs'),
        h('dd', {}, e.programs.join(', ') || '—'),
      ),
    ),
  );
}

/** @param {WorkerView['wallets']} wallets @param {string} chain */
function walletRows(wallets, chain) {
  if (wallets.length === 0) return h('p', { class: 'muted' }, 'None.');
  return h(
    'ul',
    { class: 'links' },
    ...wallets.map((w) =>
      h(
        'li',
        {},
        walletLink(chain, w.address),
        w.listed.length
          ? h(
              'span',
              { class: 'sev sev-critical' },
              `listed: ${w.listed.map((e) => e.name).join(', ')}`,
            )
          : null,
      ),
    ),
  );
}

/** @param {WorkerView['profile']} p */
function profileCard(p) {
  if (!p) return h('p', { class: 'muted' }, 'No profile available to this service.');
  const rows = [
    ['Legal name', p.legalName],
    ['Nationality', p.nationality],
    ['Residence', p.residenceCountry],
    ['Employer', p.employer?.name],
  ];
  return h(
    'dl',
    { class: 'facts' },
    ...rows
      .filter(([, v]) => v)
      .map(([k, v]) => h('div', { class: 'fact' }, h('dt', {}, k), h('dd', {}, v))),
  );
}

/** The worker page. */
export async function showWorker(pane, workerId) {
  /** @type {WorkerView} */
  const w = await call('GET', `/v1/workers/${encodeURIComponent(workerId)}`);
  mount(
    pane,
    h(
      'div',
      { class: 'detail-head' },
      h('div', { class: 'chips' }, h('span', { class: 'rule' }, 'worker')),
      h('h2', {}, w.workerId),
    ),
    h('h3', {}, 'Profile'),
    profileCard(w.profile),
    h('h3', {}, `Alerts (${w.alerts.length})`),
    alertTable(w.alerts),
    h('h3', {}, 'Linked wallets'),
    walletRows(w.wallets, 'ethereum'),
    h('h3', {}, 'Linked workers'),
    w.workers.length
      ? h('ul', { class: 'links' }, ...w.workers.map((id) => h('li', {}, workerLink(id))))
      : h('p', { class: 'muted' }, 'None.'),
  );
}

/** The wallet page. */
export async function showWallet(pane, chain, address) {
  /** @type {WalletView} */
  const w = await call(
    'GET',
    `/v1/wallets/${encodeURIComponent(chain)}/${encodeURIComponent(address)}`,
  );
  mount(
    pane,
    h(
      'div',
      { class: 'detail-head' },
      h(
        'div',
        { class: 'chips' },
        h('span', { class: 'rule' }, `wallet · ${w.chain}`),
        w.listed.length ? h('span', { class: 'sev sev-critical' }, 'listed') : null,
      ),
      h('h2', { class: 'mono break' }, w.address),
    ),
    h('h3', {}, `List entries (${w.listed.length})`),
    w.listed.length
      ? h('div', { class: 'evidence-list' }, ...w.listed.map(entryCard))
      : h('p', { class: 'muted' }, 'On no loaded list.'),
    h('h3', {}, `Alerts (${w.alerts.length})`),
    alertTable(w.alerts),
    h('h3', {}, 'Linked wallets'),
    walletRows(w.wallets, w.chain),
    h('h3', {}, 'Linked workers'),
    w.workers.length
      ? h('ul', { class: 'links' }, ...w.workers.map((id) => h('li', {}, workerLink(id))))
      : h('p', { class: 'muted' }, 'None.'),
  );
}
