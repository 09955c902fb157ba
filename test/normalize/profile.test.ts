import { describe, expect, it } from 'vitest';
import { envelope } from '../../shared/contract/index.ts';
import { ipSpelling, normalizeEvent } from '../../shared/normalize/index.ts';

describe('profile spellings made one before the engine reads them', () => {
  it('writes an IP address one way, and leaves what is no IP address as written', () => {
    expect(
      [
        '2001:DB8:0:0:1:0:0:1',
        '[2001:db8::1:0:0:1]:443',
        'fe80::1%eth0',
        '010.001.002.003',
        '1::',
        '::',
      ].map(ipSpelling),
    ).toEqual(['2001:db8::1:0:0:1', '2001:db8::1:0:0:1', 'fe80::1', '10.1.2.3', '1::', '::']);
    for (const odd of ['300.1.1.1', '1:2:3', 'gateway-7', '1::2::3'])
      expect(ipSpelling(odd)).toBe(odd);
  });

  it('gives the same event back when read again (a lookback re-read or a redelivery changes nothing)', () => {
    const profile = envelope(
      'worker.upserted',
      {
        workerId: 'w-1',
        legalName: 'Kim',
        emails: ['"Kim" <Kim.Dev@proton.me>'],
        phones: ['+1 415 555 0100 x12'],
        messengers: ['Telegram @Kim_Dev', 'whatsapp://send?phone=14155550199'],
        devices: [{ ip: '::ffff:203.0.113.7' }],
        bankAccountHashes: ['DE89 3704 0044'],
        residentialAddress: '12 Main St #4, Springfield IL 62701-1234',
      },
      { id: 'e-1', occurredAt: '2026-11-01T00:00:00Z', source: 'test' },
    );
    const once = normalizeEvent(profile).envelope;
    expect(once.data).toMatchObject({
      emails: ['Kim.Dev@proton.me'],
      phones: ['+1 415 555 0100', '14155550199'],
      messengers: ['telegram:@Kim_Dev', 'whatsapp:14155550199'],
      devices: [{ ip: '203.0.113.7' }],
      bankAccountHashes: ['DE8937040044'],
      residentialAddress: '12 Main St Apt 4, Springfield IL 62701',
    });
    expect(normalizeEvent(once).envelope).toEqual(once);
    const plain = envelope(
      'worker.upserted',
      {
        workerId: 'w-2',
        legalName: 'Lee',
        messengers: ['t.me/lee'],
        devices: [{ ip: '10.0.0.1' }],
      },
      { id: 'e-2', occurredAt: '2026-11-01T00:00:00Z', source: 'test' },
    );
    expect(normalizeEvent(plain).envelope).toBe(plain);
  });
});
