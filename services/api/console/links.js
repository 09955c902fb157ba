// @ts-check
// Links between the views: every wallet and worker id leads to its own page.
import { h, shortAddress } from './dom.js';

/** Link to a wallet's page. */
export function walletLink(chain, address) {
  return h(
    'a',
    {
      href: `#/wallets/${encodeURIComponent(chain)}/${encodeURIComponent(address)}`,
      class: 'mono',
      title: address,
    },
    shortAddress(address),
  );
}

/** Link to a worker's page. */
export function workerLink(workerId) {
  return h('a', { href: `#/workers/${encodeURIComponent(workerId)}` }, workerId);
}

/** Link to an alert's page. */
export function alertLink(alert) {
  return h('a', { href: `#/alerts/${encodeURIComponent(alert.id)}` }, alert.title);
}
