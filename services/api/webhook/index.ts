// The signed webhook for critical alerts: the sender and the signature a receiver checks.
export { REPLAY_WINDOW_S, SIGNATURE_HEADER, signBody, verifySignature } from './signature.ts';
export { WebhookDispatcher, type WebhookOptions } from './webhook-dispatcher.ts';
