import type { FastifyInstance } from 'fastify';
import { normalizeAddress } from '../../../shared/address/index.ts';
import { listEvidence } from '../../../shared/engine/index.ts';
import type { TagIndex } from '../../../shared/lists/tag-index.ts';
import { walletKey } from '../../../shared/ports/review-store/index.ts';
import { type AlertView, summarize, workersOf } from '../alert-view.ts';
import type { ApiContext, RouteOptions } from '../context.ts';
import { AUTH_ERRORS, ErrorSchema, WalletParams, WorkerParams } from '../schemas.ts';

const doc = (summary: string) => ({ tags: ['views'], summary, security: [{ bearer: [] }] });

/** Wallets named in the alerts, with any list entries that name them. */
function linkedWallets(views: readonly AlertView[], tags: TagIndex, except?: string) {
  const seen = new Map<string, string>();
  for (const v of views)
    for (const w of v.related.wallets) if (!seen.has(walletKey(w))) seen.set(walletKey(w), w);
  if (except) seen.delete(except);
  return [...seen].map(([key, address]) => ({
    address,
    key,
    listed: tags.lookup(key).map(listEvidence),
  }));
}

function linkedWorkers(views: readonly AlertView[], except?: string): string[] {
  const ids = new Set(views.flatMap((v) => workersOf(v)));
  if (except) ids.delete(except);
  return [...ids].sort();
}

const newestFirst = (a: AlertView, b: AlertView) => b.lastSeenAt.localeCompare(a.lastSeenAt);

/** `GET /v1/workers/{workerId}`: the worker's profile, alerts and what they link to. */
async function workerView(ctx: ApiContext, workerId: string) {
  await ctx.cache.fresh(ctx.maxAgeMs);
  const alerts = ctx.cache.forWorker(workerId).sort(newestFirst);
  const profile = ctx.deps.profiles ? await ctx.deps.profiles(workerId) : null;
  return {
    workerId,
    profile,
    alerts: alerts.map(summarize),
    wallets: linkedWallets(alerts, ctx.deps.tags()),
    workers: linkedWorkers(alerts, workerId),
  };
}

/** `GET /v1/wallets/{chain}/{address}`: list entries naming the wallet, its alerts and links. */
async function walletView(ctx: ApiContext, chain: string, address: string) {
  const n = normalizeAddress(chain, address);
  await ctx.cache.fresh(ctx.maxAgeMs);
  const alerts = ctx.cache.forWallet(n.key).sort(newestFirst);
  const tags = ctx.deps.tags();
  return {
    chain,
    address: n.canonical,
    key: n.key,
    listed: tags.lookup(n.key).map(listEvidence),
    alerts: alerts.map(summarize),
    wallets: linkedWallets(alerts, tags, n.key),
    workers: linkedWorkers(alerts),
  };
}

/** What the worker view answers (the console's type). */
export type WorkerView = Awaited<ReturnType<typeof workerView>>;
/** What the wallet view answers (the console's type). */
export type WalletView = Awaited<ReturnType<typeof walletView>>;

/** Worker and wallet views: what the queue knows about one subject and what it links to. */
export async function viewRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  app.get<{ Params: WorkerParams }>(
    '/v1/workers/:workerId',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('A worker: profile, alerts, linked wallets and workers'),
        params: WorkerParams,
        response: { 400: ErrorSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => workerView(ctx, request.params.workerId),
  );

  app.get<{ Params: WalletParams }>(
    '/v1/wallets/:chain/:address',
    {
      config: { permission: 'read' },
      schema: {
        ...doc('A wallet: list entries, alerts, linked wallets and workers'),
        params: WalletParams,
        response: { 400: ErrorSchema, ...AUTH_ERRORS },
      },
    },
    async (request) => walletView(ctx, request.params.chain, request.params.address),
  );
}
