// @ts-check
// The queue pane: filters, sortable columns, paging and a reload every few seconds.
import { call, qs } from './api.js';
import {
  byId as $,
  ago,
  all,
  field,
  h,
  mount,
  severityBadge,
  shortAddress,
  statusPill,
} from './dom.js';

/** @typedef {import('./types.js').AlertPage} AlertPage */
/** @typedef {import('./types.js').AlertSummary} AlertSummary */

const PAGE = 50;
const POLL_MS = 4000;

const state = { sort: 'priority', order: 'desc', offset: 0, selected: null, total: 0 };

function filters() {
  return {
    status: field('filter-status').value,
    severity: field('filter-severity').value,
    rule: field('filter-rule').value,
    q: field('filter-q').value.trim(),
    wallet: field('filter-wallet').value.trim(),
    worker: field('filter-worker').value.trim(),
  };
}

/** @param {AlertSummary} alert */
function subjectText(alert) {
  const s = alert.subject;
  if (s.address)
    return `${s.chain ?? ''} ${shortAddress(s.address)}${s.workerId ? ` · ${s.workerId}` : ''}`;
  return s.workerId ?? s.employerId ?? s.kind;
}

/** @param {AlertSummary} alert */
function row(alert) {
  const tr = h(
    'tr',
    {
      dataset: { id: alert.id },
      class: alert.id === state.selected ? 'selected' : '',
      tabindex: 0,
    },
    h('td', {}, severityBadge(alert.severity)),
    h(
      'td',
      { class: 'title-cell' },
      h('div', { class: 'title' }, alert.title),
      h(
        'div',
        { class: 'meta' },
        h('span', { class: 'rule' }, alert.rule),
        ' · ',
        subjectText(alert),
      ),
    ),
    h(
      'td',
      {},
      statusPill(alert.status),
      alert.assignee ? h('div', { class: 'meta' }, alert.assignee) : null,
    ),
    h('td', { class: 'num' }, String(alert.count)),
    h('td', { title: alert.lastSeenAt, class: 'nowrap' }, ago(alert.lastSeenAt)),
  );
  const open = () => {
    location.hash = `#/alerts/${encodeURIComponent(alert.id)}`;
  };
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (e) => e.key === 'Enter' && open());
  return tr;
}

function renderPager() {
  const from = state.total === 0 ? 0 : state.offset + 1;
  const to = Math.min(state.offset + PAGE, state.total);
  const prev = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-ghost',
      disabled: state.offset === 0,
      onclick: () => page(-1),
    },
    '‹ Prev',
  );
  const next = h(
    'button',
    { type: 'button', class: 'btn btn-ghost', disabled: to >= state.total, onclick: () => page(1) },
    'Next ›',
  );
  mount($('pager'), h('span', { class: 'muted' }, `${from}–${to} of ${state.total}`), prev, next);
}

function page(direction) {
  state.offset = Math.max(0, state.offset + direction * PAGE);
  reloadQueue();
}

function renderCounts(counts) {
  mount(
    $('counts'),
    ...Object.entries(counts).map(([k, n]) =>
      h('span', { class: `count st-${k}` }, h('b', {}, String(n)), ` ${k.replace('_', ' ')}`),
    ),
  );
}

/** Loads the current page with the current filters and sort. */
export async function reloadQueue() {
  const q = {
    ...filters(),
    sort: state.sort,
    order: state.order,
    limit: PAGE,
    offset: state.offset,
  };
  /** @type {AlertPage} */
  const data = await call('GET', `/v1/alerts${qs(q)}`);
  state.total = data.total;
  mount($('queue-body'), ...data.items.map(row));
  $('queue-empty').hidden = data.items.length > 0;
  renderPager();
  $('live').dataset.at = new Date().toLocaleTimeString();
  $('live').title = `Updated ${$('live').dataset.at}`;
  renderCounts(data.counts);
}

/** Highlights the alert shown in the detail pane. */
export function selectInQueue(id) {
  state.selected = id;
  for (const tr of all('#queue-body tr')) tr.classList.toggle('selected', tr.dataset.id === id);
}

function sortBy(key) {
  state.order = state.sort === key && state.order === 'desc' ? 'asc' : 'desc';
  state.sort = key;
  for (const th of all('th.sortable')) {
    th.dataset.dir = th.dataset.sort === key ? state.order : '';
  }
  reloadQueue();
}

/** Fills the rule filter with the rule ids the API serves (the engine's own list). */
async function loadRuleFilter() {
  /** @type {import('./types.js').Items<string>} */
  const { items } = await call('GET', '/v1/rules');
  mount(
    $('filter-rule'),
    h('option', { value: '' }, 'Any rule'),
    ...items.map((r) => h('option', { value: r }, r)),
  );
}

/** Wires the filters and sort headers, and starts the reload timer. */
export function initQueue(onError) {
  mount($('filter-rule'), h('option', { value: '' }, 'Any rule'));
  loadRuleFilter().catch(onError);
  for (const id of ['filter-status', 'filter-severity', 'filter-rule'])
    $(id).addEventListener('change', () => {
      state.offset = 0;
      reloadQueue().catch(onError);
    });
  for (const id of ['filter-q', 'filter-wallet', 'filter-worker'])
    $(id).addEventListener(
      'input',
      debounce(() => {
        state.offset = 0;
        reloadQueue().catch(onError);
      }, 250),
    );
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  for (const th of all('th.sortable')) th.addEventListener('click', () => sortBy(th.dataset.sort));
  all('th[data-sort="priority"]')[0].dataset.dir = 'desc';
  setInterval(() => {
    if (document.visibilityState === 'visible') reloadQueue().catch(onError);
  }, POLL_MS);
}

function debounce(fn, ms) {
  let t;
  return () => {
    clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}
