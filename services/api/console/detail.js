// @ts-check
// The alert page: header, the actions the caller's role allows, evidence, audit and links.
import { call } from './api.js';
import { h, mount, severityBadge, statusPill, when } from './dom.js';
import { auditList, evidenceItem, fact } from './evidence.js';
import { walletLink, workerLink } from './links.js';

/** @typedef {import('./types.js').AlertDetail} AlertDetail */
/** @typedef {import('./types.js').AuditEntry} AuditEntry */

const OUTCOMES = [
  ['true_positive', 'True positive'],
  ['false_positive', 'False positive'],
  ['benign', 'Benign'],
];

function reasonForm(id, label, button, onSubmit, extra) {
  const reason = h('textarea', {
    id: `${id}-reason`,
    rows: 1,
    placeholder: label,
    required: true,
    minlength: 3,
  });
  return h(
    'form',
    {
      class: 'action-form',
      id: `${id}-form`,
      onsubmit: (e) => {
        e.preventDefault();
        onSubmit(reason.value);
      },
    },
    extra ?? null,
    reason,
    h('button', { type: 'submit', class: 'btn btn-primary', id: `btn-${id}` }, button),
  );
}

/** What the caller may do to this alert now, as the API answers it with the alert. */
/** @param {AlertDetail} alert */
function allowed(alert) {
  const may = new Set(alert.actions ?? []);
  return {
    claim: may.has('claim'),
    release: may.has('release'),
    escalate: may.has('escalate'),
    close: may.has('disposition'),
    reopen: may.has('reopen'),
    note: may.has('notes'),
  };
}

function button(id, label, onclick, primary = false) {
  return h(
    'button',
    { type: 'button', class: primary ? 'btn btn-primary' : 'btn', id, onclick },
    label,
  );
}

function dispositionForm(act) {
  const outcome = h(
    'select',
    { id: 'disposition-outcome' },
    ...OUTCOMES.map(([v, l]) => h('option', { value: v }, l)),
  );
  const submit = (reason) => act('disposition', { outcome: outcome.value, reason });
  return reasonForm(
    'disposition',
    'Reason for the decision (required)',
    'Close alert',
    submit,
    outcome,
  );
}

function noteForm(act) {
  const text = h('textarea', {
    id: 'note-text',
    rows: 1,
    placeholder: 'Add a note for the record',
    required: true,
  });
  const onsubmit = (e) => {
    e.preventDefault();
    act('notes', { text: text.value });
  };
  return h(
    'form',
    { class: 'action-form', id: 'note-form', onsubmit },
    text,
    h('button', { type: 'submit', class: 'btn', id: 'btn-note' }, 'Add note'),
  );
}

/** @param {AlertDetail} alert */
function actions(alert, act) {
  const may = allowed(alert);
  return h(
    'div',
    { class: 'actions' },
    h(
      'div',
      { class: 'action-buttons' },
      may.claim ? button('btn-claim', 'Claim', () => act('claim'), true) : null,
      may.release ? button('btn-release', 'Release', () => act('release')) : null,
    ),
    may.escalate
      ? reasonForm('escalate', 'Why it needs a supervisor', 'Escalate', (reason) =>
          act('escalate', { reason }),
        )
      : null,
    may.close ? dispositionForm(act) : null,
    may.reopen
      ? reasonForm('reopen', 'Why it is reopened', 'Reopen', (reason) => act('reopen', { reason }))
      : null,
    may.note ? noteForm(act) : null,
  );
}

/** @param {AlertDetail} alert */
function header(alert) {
  const d = alert.disposition;
  return h(
    'div',
    { class: 'detail-head' },
    h(
      'div',
      { class: 'chips' },
      severityBadge(alert.severity),
      statusPill(alert.status),
      h('span', { class: 'rule' }, alert.rule),
      alert.suppressed ? h('span', { class: 'pill st-suppressed' }, 'Suppressed') : null,
    ),
    h('h2', { id: 'alert-title' }, alert.title),
    h(
      'dl',
      { class: 'facts facts-row' },
      fact('Score', String(alert.score)),
      fact('Events', String(alert.count)),
      fact('First seen', when(alert.createdAt)),
      fact('Last seen', when(alert.lastSeenAt)),
      fact('Assignee', alert.assignee ?? 'unassigned'),
      d ? fact('Disposition', `${d.outcome.replace('_', ' ')} — ${d.reason}`) : null,
    ),
    h('div', { class: 'meta' }, 'Alert ', h('code', {}, alert.id)),
  );
}

/** @param {AlertDetail} alert */
function related(alert) {
  const s = alert.subject;
  return h(
    'div',
    { class: 'related' },
    h(
      'dl',
      { class: 'facts' },
      s.address ? fact('Subject wallet', walletLink(s.chain ?? 'ethereum', s.address)) : null,
      s.workerId ? fact('Subject worker', workerLink(s.workerId)) : null,
      fact(
        'Workers',
        alert.related.workers.length
          ? alert.related.workers.flatMap((w, i) => [i ? ', ' : '', workerLink(w)])
          : '—',
      ),
      fact(
        'Wallets',
        alert.related.wallets.length
          ? alert.related.wallets.flatMap((w, i) => [
              i ? ', ' : '',
              walletLink(s.chain ?? 'ethereum', w),
            ])
          : '—',
      ),
      fact('Payouts', alert.related.payouts.join(', ') || '—'),
    ),
  );
}

/** Renders the alert page into `pane`; `onChange` runs after an action succeeded. */
export async function showAlert(pane, id, onChange) {
  const [alert, audit] = await Promise.all([
    /** @type {Promise<AlertDetail>} */ (call('GET', `/v1/alerts/${encodeURIComponent(id)}`)),
    /** @type {Promise<import('./types.js').Items<AuditEntry>>} */ (
      call('GET', `/v1/alerts/${encodeURIComponent(id)}/audit`)
    ),
  ]);
  const message = h('p', { class: 'error', role: 'alert', id: 'action-error' });
  const act = async (path, body) => {
    try {
      await call('POST', `/v1/alerts/${encodeURIComponent(id)}/${path}`, body ?? {});
      await showAlert(pane, id, onChange);
      onChange();
    } catch (err) {
      message.textContent = err.message;
    }
  };
  mount(
    pane,
    header(alert),
    actions(alert, act),
    message,
    h('h3', {}, `Evidence (${alert.evidence.length})`),
    h('div', { class: 'evidence-list' }, ...alert.evidence.map(evidenceItem)),
    h('h3', {}, 'Audit trail'),
    h('div', { id: 'audit' }, auditList(audit.items)),
    h('h3', {}, 'Subject and links'),
    related(alert),
  );
}
