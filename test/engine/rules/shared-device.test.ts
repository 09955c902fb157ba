import { describe, expect, it } from 'vitest';
import { engineWith, only, run, worker } from '../events.ts';

const dev = (fingerprint: string, ip: string) => ({ fingerprint, ip, ipCountry: 'US' });

describe('shared-device', () => {
  it('ties two workers on one device fingerprint (laptop farm)', () => {
    const alerts = run(engineWith(), [
      worker('w-1', { devices: [dev('fp-farm', '1.1.1.1')] }),
      worker('w-2', { devices: [dev('fp-farm', '2.2.2.2')] }),
    ]);
    const [a] = only(alerts, 'shared-device');
    expect(a).toMatchObject({
      subject: { kind: 'worker', workerId: 'w-2' },
      related: { workers: ['w-2', 'w-1'] },
    });
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'fact', label: 'shared device' }),
    );
  });

  it('ties workers on a bank account, or three on one address', () => {
    const bank = run(engineWith(), [
      worker('w-1', { bankAccountHashes: ['b-1'] }),
      worker('w-2', { bankAccountHashes: ['b-1'] }),
    ]);
    expect(only(bank, 'shared-device')).toHaveLength(1);
    const addr = (w: string, a: string) => worker(w, { residentialAddress: a });
    const three = run(engineWith(), [
      addr('w-1', '12 Mill St, Austin'),
      addr('w-2', '12 Mill Street Austin'),
      addr('w-3', '12 MILL ST., AUSTIN'),
    ]);
    expect(only(three, 'shared-device')).toHaveLength(1);
  });

  it('leaves a shared coworking IP and flatmates alone', () => {
    const coworking = run(engineWith(), [
      worker('w-1', { devices: [dev('a', '9.9.9.9')] }),
      worker('w-2', { devices: [dev('b', '9.9.9.9')] }),
    ]);
    expect(only(coworking, 'shared-device')).toEqual([]);
    const flat = (w: string, fp: string) =>
      worker(w, { residentialAddress: '4 Park Street, Leeds', devices: [dev(fp, '8.8.8.8')] });
    expect(only(run(engineWith(), [flat('w-1', 'a'), flat('w-2', 'b')]), 'shared-device')).toEqual(
      [],
    );
  });

  it('forgets what a worker no longer has', () => {
    const engine = engineWith();
    run(engine, [
      worker('w-1', { devices: [dev('fp-x', '1.1.1.1')] }),
      worker('w-1', { devices: [dev('fp-y', '1.1.1.1')] }, '2026-11-02T00:00:00Z'),
    ]);
    expect(
      only(run(engine, [worker('w-2', { devices: [dev('fp-x', '3.3.3.3')] })]), 'shared-device'),
    ).toEqual([]);
  });
});
