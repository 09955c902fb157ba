import { describe, expect, it } from 'vitest';
import { engineWith, only, run, worker } from '../events.ts';

const screen = (devices: NonNullable<Parameters<typeof worker>[1]>['devices']) =>
  only(run(engineWith(), [worker('w-1', { residenceCountry: 'US', devices })]), 'geo-mismatch');

describe('geo-mismatch', () => {
  it('flags logins from a high-risk country through a VPN with a remote-access tool', () => {
    const [a] = screen([
      { fingerprint: 'a', ipCountry: 'US', remoteAccessTool: 'AnyDesk' },
      { fingerprint: 'b', ipCountry: 'CN', vpn: true },
    ]);
    expect(a).toMatchObject({ severity: 'critical', subject: { kind: 'worker', workerId: 'w-1' } });
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({ label: 'remote-access tools', value: 'AnyDesk' }),
    );
  });

  it('lets a trip abroad and a VPN at home pass', () => {
    expect(screen([{ ipCountry: 'US' }, { ipCountry: 'US' }, { ipCountry: 'ES' }])).toEqual([]);
    expect(screen([{ ipCountry: 'US', vpn: true, remoteAccessTool: 'TeamViewer' }])).toEqual([]);
  });
});
