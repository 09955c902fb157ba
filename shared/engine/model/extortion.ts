import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { keys } from '../state/keys.ts';
import type { AttrRecord, WalletRecord } from '../state/records.ts';
import { reportContacts } from './attributes.ts';
import type { ModelContext } from './context.ts';
import type { ReportFacts, ReportWorkerHit } from './facts.ts';
import { addTag, saveWallet, walletOf } from './wallets.ts';

/**
 * `extortion.reported`: every wallet it names gets an `extortion` tag the rules see from
 * then on; every contact it names is indexed next to worker contacts, so profiles that
 * carry it (now or later) are found. Applying the same report twice changes nothing.
 */
export function observeReport(ctx: ModelContext, event: NormalizedEvent): ReportFacts {
  const e = event.envelope as Envelope<'extortion.reported'>;
  const { reportId } = e.data;
  const wallets: WalletRecord[] = [];
  for (const party of event.wallets) {
    const wallet = walletOf(ctx, party);
    const name = `extortion report ${reportId}`;
    if (addTag(wallet, { category: 'extortion', id: reportId, eventId: e.id, at: event.at, name }))
      saveWallet(ctx, wallet);
    wallets.push(wallet);
  }
  const workers: ReportWorkerHit[] = [];
  for (const c of reportContacts(e.data.contacts)) {
    const key = keys.attr(c.kind, c.key);
    const rec = ctx.state.get<AttrRecord>(key) ?? { workers: [], reports: [] };
    if (!rec.reports.some((r) => r.reportId === reportId)) {
      rec.reports.push({ reportId, eventId: e.id, at: event.at, value: c.value });
      ctx.state.put(key, rec);
    }
    for (const workerId of rec.workers) workers.push({ workerId, kind: c.kind, value: c.value });
  }
  return { kind: 'report', wallets, workers };
}
