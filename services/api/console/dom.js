// @ts-check
// Builds DOM nodes from data without ever parsing it as HTML: list names and event
// summaries come from outside, so they only ever become text.

/** Creates an element; `attrs` are properties or attributes, children are nodes or text. */
/** The element with this id. */
export function byId(id) {
  return document.getElementById(id);
}

/** The form field (input or select) with this id. */
export function field(id) {
  return /** @type {HTMLInputElement} */ (document.getElementById(id));
}

/** Elements matching a selector, as HTML elements (their dataset is read). */
export function all(selector) {
  return /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(selector));
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  append(el, children);
  return el;
}

/** `0x098B…2f96`: enough to tell wallets apart at a glance. */
export function shortAddress(address) {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Relative time for the queue, absolute in the title. */
export function ago(iso) {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const abs = Math.abs(seconds);
  /** @type {[number, string]} */
  const unit =
    abs < 90
      ? [seconds, 's']
      : abs < 5400
        ? [seconds / 60, 'min']
        : abs < 129600
          ? [seconds / 3600, 'h']
          : [seconds / 86400, 'd'];
  const n = Math.round(Math.abs(unit[0]));
  return seconds >= 0 ? `${n} ${unit[1]} ago` : `in ${n} ${unit[1]}`;
}

/** `2026-11-02 10:00 UTC`. */
export function when(iso) {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}

/** Severity badge. */
export function severityBadge(severity) {
  return h('span', { class: `sev sev-${severity}` }, severity);
}

const STATUS_LABEL = {
  open: 'Open',
  in_review: 'In review',
  escalated: 'Escalated',
  closed: 'Closed',
};

/** Status pill. */
export function statusPill(status) {
  return h('span', { class: `pill st-${status}` }, STATUS_LABEL[status] ?? status);
}
