import { Network, WebSocketProvider } from 'ethers';
import type { Logger } from '../../../shared/log/logger.ts';
import { backoffMs } from '../pace.ts';
import { redactUrl } from './endpoint.ts';

/** The parts of the `ws` socket under ethers' WebSocketProvider that its typing leaves out. */
type Socket = {
  onclose?: ((...args: unknown[]) => unknown) | null;
  onerror?: ((...args: unknown[]) => unknown) | null;
  addEventListener?: (type: 'open', listener: () => void) => void;
};

/**
 * New-head announcements over a WebSocket, used only to wake the polling loop early.
 * ethers' WebSocketProvider does not reconnect, so this reconnects with backoff; while the
 * socket is down nothing is lost, the loop just polls at its normal pace.
 */
export class HeadWatch {
  private provider?: WebSocketProvider;
  private readonly listeners = new Set<() => void>();
  private attempt = 0;
  private closed = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly urls: readonly string[],
    private readonly chainId: () => Promise<bigint>,
    private readonly logger?: Logger,
  ) {}

  /** Adds a listener (connecting on the first); returns its removal. */
  subscribe(wake: () => void): () => void {
    this.listeners.add(wake);
    if (!this.provider && !this.timer) void this.connect();
    return () => this.listeners.delete(wake);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.closed || this.urls.length === 0) return;
    const url = this.urls[this.attempt % this.urls.length]!;
    let network: Network;
    try {
      network = Network.from(await this.chainId());
    } catch {
      return this.retry(url, 'chain id unknown yet');
    }
    const provider = new WebSocketProvider(url, network, { staticNetwork: network });
    this.provider = provider;
    const socket = provider.websocket as unknown as Socket;
    socket.onerror = () => this.retry(url, 'socket error', provider);
    socket.onclose = () => this.retry(url, 'socket closed', provider);
    // Subscribe only once the socket is open: ethers leaves a subscription that was still
    // pending at destroy() as an unhandled rejection, which would end the process.
    socket.addEventListener?.('open', () => {
      if (this.provider !== provider) return;
      provider
        .on('block', () => {
          this.attempt = 0;
          for (const wake of this.listeners) wake();
        })
        .catch(() => this.retry(url, 'subscription refused', provider));
    });
  }

  private retry(url: string, reason: string, provider?: WebSocketProvider): void {
    if (provider && provider !== this.provider) return;
    this.provider = undefined;
    if (provider) void provider.destroy().catch(() => {});
    if (this.closed || this.timer) return;
    const delay = backoffMs(this.attempt++, 500, 30_000);
    this.logger?.warn(
      { url: redactUrl(url), reason, retryInMs: delay },
      'head websocket down; polling meanwhile',
    );
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    const provider = this.provider;
    this.provider = undefined;
    if (provider) void provider.destroy().catch(() => {});
  }
}
