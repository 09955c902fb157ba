import { type RepositoryTagProvider, TagIndex } from '../shared/lists/index.ts';
import type { Logger } from '../shared/log/logger.ts';

/**
 * The active tag set kept current in the background, for readers that need it synchronously
 * (the screening API). The screener itself asks its provider once per batch instead.
 */
export class LiveTags {
  private index = new TagIndex([]);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly provider: RepositoryTagProvider,
    private readonly logger: Logger,
  ) {}

  /** The index in force now. */
  readonly current = (): TagIndex => this.index;

  /** Loads the active versions, then re-checks every `intervalMs`. */
  async start(intervalMs = 2_000): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'list refresh failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  private async refresh(): Promise<void> {
    const next = await this.provider.refresh();
    if (next) this.index = next;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
