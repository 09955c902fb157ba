// @ts-check
// Console entry: sign-in, the hash router (#/alerts/ID, #/workers/ID, #/wallets/CHAIN/ADDRESS)
// and the glue between the queue and the detail pane.
import { call, clearToken, setToken, token, whenUnauthorized } from './api.js';
import { showAlert } from './detail.js';
import { byId as $, field, h, mount } from './dom.js';
import { initQueue, reloadQueue, selectInQueue } from './queue.js';
import { showWallet, showWorker } from './subjects.js';

/** @typedef {import('./types.js').Actor} Actor */

/** @type {Actor | null} */
let me = null;

function showError(err) {
  mount($('detail'), h('div', { class: 'empty-state' }, h('p', { class: 'error' }, err.message)));
}

async function route() {
  const pane = $('detail');
  const [, kind, ...rest] = location.hash.split('/');
  const parts = rest.map(decodeURIComponent);
  selectInQueue(kind === 'alerts' ? parts[0] : null);
  try {
    if (kind === 'alerts' && parts[0])
      await showAlert(pane, parts[0], () => reloadQueue().catch(showError));
    else if (kind === 'workers' && parts[0]) await showWorker(pane, parts[0]);
    else if (kind === 'wallets' && parts[1]) await showWallet(pane, parts[0], parts[1]);
    else
      mount(
        pane,
        h(
          'div',
          { class: 'empty-state' },
          h('h2', {}, 'Select an alert'),
          h(
            'p',
            { class: 'muted' },
            'Pick an alert in the queue to see its evidence, links and audit trail.',
          ),
        ),
      );
  } catch (err) {
    showError(err);
  }
}

function showLogin(message = '') {
  me = null;
  $('app-view').hidden = true;
  $('session').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message;
  $('token').focus();
}

async function start() {
  me = await call('GET', '/v1/me');
  if (me.role === 'platform') {
    clearToken();
    showLogin(
      'This token is for screening only; the console needs an analyst, supervisor or admin token.',
    );
    return;
  }
  $('who').textContent = `${me.id} · ${me.role}`;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('session').hidden = false;
  await reloadQueue();
  await route();
}

let queueStarted = false;
async function signIn() {
  try {
    await start();
    if (!queueStarted) initQueue(showError);
    queueStarted = true;
  } catch (err) {
    clearToken();
    showLogin(err.status === 401 ? 'That token was not accepted.' : err.message);
  }
}

whenUnauthorized(() => {
  clearToken();
  showLogin('Your session ended; sign in again.');
});

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken(field('token').value.trim());
  field('token').value = '';
  signIn();
});
$('logout').addEventListener('click', () => {
  clearToken();
  showLogin();
});
window.addEventListener('hashchange', () => me && route());

if (token()) signIn();
else showLogin();
