import { describe, expect, it } from 'vitest';
import { readEventFiles } from '../../../services/cli/embedded/index.ts';
import { mapColumns } from '../../../services/cli/embedded/payout-columns.ts';
import { toRfc3339 } from '../../../services/cli/embedded/payout-row.ts';
import { tempDir, writeInput } from './helpers.ts';

const dir = tempDir('csv');
const LAZARUS = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const CLEAN = '0x1111111111111111111111111111111111111111';

describe('payouts CSV exports', () => {
  it('maps header names without case, spaces or underscores', () => {
    const { columns, missing } = mapColumns([
      'Payout ID',
      'worker_id',
      'AMOUNT',
      'currency',
      'network',
      'wallet-address',
      'paid at',
    ]);
    expect(missing).toEqual([]);
    expect(columns.asset).toEqual({ index: 3, name: 'currency' });
    expect(columns.toAddress).toEqual({ index: 5, name: 'wallet-address' });
    expect(mapColumns(['payoutId', 'amount']).missing).toEqual([
      'workerId',
      'asset',
      'chain',
      'toAddress',
      'occurredAt',
    ]);
  });

  it('takes the times payout exports write, as UTC when they carry no zone', () => {
    expect(toRfc3339('2026-01-09 10:00:00')).toBe('2026-01-09T10:00:00Z');
    expect(toRfc3339('2026-01-09T10:00')).toBe('2026-01-09T10:00:00Z');
    expect(toRfc3339('2026-01-09 10:00:00 +0530')).toBe('2026-01-09T10:00:00+05:30');
    expect(toRfc3339('2026-01-09')).toBe('2026-01-09T00:00:00Z');
    expect(toRfc3339('1767952800')).toBe('2026-01-09T10:00:00.000Z');
    expect(toRfc3339('yesterday')).toBe('yesterday');
  });

  it('turns rows into payout events, skips payouts that never left, and names the column of a bad value', async () => {
    const csv = [
      'payout_id,worker_id,Amount,Asset,Chain,to_address,executed_at,status,employer_id',
      `po-1,w-1,"1,250.00",USDC,Ethereum,${LAZARUS},2026-01-09 10:00:00,paid,emp-1`,
      `po-2,w-2,300.00,USDC,ethereum,${CLEAN},2026-01-09T10:05:00Z,failed,emp-1`,
      `po-3,w-3,abc,USDC,ethereum,${CLEAN},2026-01-09,paid,emp-1`,
      `po-4,w-4,10,USDC,ethereum,${CLEAN},2026-01-08,pending,emp-1`,
      `po-5,w-5,10,USDC,ethereum,${CLEAN},2026-01-10,lost,emp-1`,
    ].join('\r\n');
    const file = writeInput(dir, 'payouts.csv', csv);
    const read = await readEventFiles([file]);
    expect(read.files[0]).toMatchObject({
      format: 'payout-csv',
      lines: 5,
      events: 2,
      rejected: 2,
      skipped: 1,
    });
    const [requested, executed] = read.events.map((e) => e.envelope);
    expect(requested).toMatchObject({
      type: 'payout.requested',
      occurredAt: '2026-01-08T00:00:00Z',
    });
    expect(executed).toMatchObject({
      type: 'payout.executed',
      source: 'csv:payouts.csv',
      occurredAt: '2026-01-09T10:00:00Z',
      data: {
        payoutId: 'po-1',
        workerId: 'w-1',
        amount: '1250.00',
        asset: 'USDC',
        chain: 'ethereum',
        toAddress: LAZARUS,
        employerId: 'emp-1',
      },
    });
    expect(executed?.id).toMatch(/^payout\.executed:[0-9a-f]{32}$/);
    expect(read.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [4, 'column "Amount"'],
      [6, 'column "status"'],
    ]);
  });

  it('gives the same event ids on every read (a rescan gives the same alerts)', async () => {
    const file = writeInput(
      dir,
      'again.csv',
      `payoutId,workerId,amount,asset,chain,toAddress,occurredAt\npo-9,w-9,5,USDC,ethereum,${CLEAN},2026-01-01\n`,
    );
    const [a, b] = await Promise.all([readEventFiles([file]), readEventFiles([file])]);
    expect(a.events[0]?.envelope.id).toBe(b.events[0]?.envelope.id);
  });

  it('refuses a CSV without the payout columns, naming what is missing', async () => {
    const file = writeInput(dir, 'other.csv', 'address,chain,label\n0xabc,ethereum,x\n');
    await expect(readEventFiles([file])).rejects.toThrow(
      /other\.csv: neither JSONL events nor a payouts CSV: the CSV header lacks payoutId, workerId/,
    );
  });

  it('reports a broken quote once, with its line, instead of one error per row', async () => {
    const file = writeInput(
      dir,
      'broken.csv',
      `payoutId,workerId,amount,asset,chain,toAddress,occurredAt\npo-1,w-1,5,USDC,ethereum,${CLEAN},2026-01-01\npo-2,"w-2,5,USDC\n`,
    );
    const read = await readEventFiles([file]);
    expect(read.events).toHaveLength(1);
    expect(read.rejected).toHaveLength(1);
    expect(read.rejected[0]?.reason).toMatch(/malformed CSV .*the rest of the file was not read/);
  });
});
