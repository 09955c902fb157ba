// @ts-check
// Evidence cards (list entries, events, hop paths, facts) and the audit trail of an alert.
import { h, when } from './dom.js';
import { hopGraph } from './graph.js';

/** @typedef {import('./types.js').Evidence} Evidence */

/** A labelled value in a fact grid. */
export function fact(label, value) {
  return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value ?? '—'));
}

/** @param {Extract<Evidence, {kind: 'list-entry'}>} e */
function listEntryCard(e) {
  return h(
    'div',
    { class: 'evidence ev-list' },
    h('div', { class: 'ev-kind' }, 'List entry'),
    h('div', { class: 'ev-title' }, e.name),
    h(
      'dl',
      { class: 'facts' },
      fact('Source', e.source),
      fact('Entry', e.entryId),
      fact('Version', h('code', {}, e.listVersion)),
      fact('Programs', e.programs.join(', ') || '—'),
      fact('Category', e.category),
      e.address ? fact('Address', h('code', {}, e.address)) : null,
    ),
  );
}

/** @param {Extract<Evidence, {kind: 'event'}>} e */
function eventCard(e) {
  return h(
    'div',
    { class: 'evidence ev-event' },
    h('div', { class: 'ev-kind' }, e.type),
    h('div', {}, e.summary),
    h(
      'div',
      { class: 'meta' },
      when(e.occurredAt),
      ' · event ',
      h('code', {}, e.eventId),
      e.txHash ? [' · tx ', h('code', {}, e.txHash)] : null,
    ),
  );
}

/** One evidence item as a card. */
/** @param {Evidence} e */
export function evidenceItem(e) {
  if (e.kind === 'list-entry') return listEntryCard(e);
  if (e.kind === 'event') return eventCard(e);
  if (e.kind === 'hop-path') {
    return h(
      'div',
      { class: 'evidence ev-path' },
      h('div', { class: 'ev-kind' }, 'Hop path'),
      h('div', { class: 'graph-wrap' }, hopGraph(e)),
    );
  }
  return h(
    'div',
    { class: 'evidence ev-fact' },
    h('div', { class: 'ev-kind' }, e.label),
    h('div', {}, e.value),
  );
}

/** The audit trail, newest first. */
/** @param {readonly import('./types.js').AuditEntry[]} items */
export function auditList(items) {
  if (items.length === 0) return h('p', { class: 'muted' }, 'No changes yet.');
  return h(
    'ol',
    { class: 'audit' },
    ...items
      .slice()
      .reverse()
      .map((e) =>
        h(
          'li',
          { class: 'audit-entry', dataset: { action: e.action } },
          h(
            'div',
            { class: 'audit-head' },
            h('b', {}, e.action),
            ' by ',
            h('span', { class: 'actor' }, e.actor),
            h('span', { class: 'muted' }, ` (${e.role})`),
            h('span', { class: 'audit-time' }, when(e.at)),
          ),
          e.before.status !== e.after.status
            ? h('div', { class: 'meta' }, `${e.before.status} → ${e.after.status}`)
            : null,
          e.text ? h('div', { class: 'audit-text' }, e.text) : null,
        ),
      ),
  );
}
