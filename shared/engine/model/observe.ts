import type { NormalizedEvent } from '../../normalize/index.ts';
import type { ModelContext } from './context.ts';
import { observeReport } from './extortion.ts';
import type { Facts } from './facts.ts';
import { observePayout } from './payouts.ts';
import { observeTransfer, retractTransfer } from './transfers.ts';
import { observeWorker } from './workers.ts';

/** Applies one event to the engine state and returns the facts the rules read. */
export function observe(ctx: ModelContext, event: NormalizedEvent): Facts {
  switch (event.envelope.type) {
    case 'worker.upserted':
      return observeWorker(ctx, event);
    case 'payout.requested':
    case 'payout.executed':
      return observePayout(ctx, event);
    case 'transfer.observed':
      return observeTransfer(ctx, event);
    case 'transfer.retracted':
      return retractTransfer(ctx, event);
    case 'extortion.reported':
      return observeReport(ctx, event);
  }
}
