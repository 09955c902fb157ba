import { describe, expect, it } from 'vitest';
import { engineWith, only, report, run, T, worker } from '../engine/events.ts';

/** Alerts of a rule that name the worker (subject or related workers). */
const naming = (alerts: ReturnType<typeof run>, rule: string, workerId: string) =>
  alerts.filter(
    (a) =>
      a.rule === rule && (a.subject.workerId === workerId || a.related.workers.includes(workerId)),
  );

type Contacts = { emails?: string[]; phones?: string[]; messengers?: string[] };

/** A report naming `reported`, then a profile giving `given`; and the same the other way round. */
function bothOrders(reported: Contacts, given: Contacts) {
  const before = run(engineWith(), [
    report({ contacts: reported }, T(1)),
    worker('w-1', given, T(2)),
  ]);
  const after = run(engineWith(), [
    worker('w-1', given, T(1)),
    report({ contacts: reported }, T(2)),
  ]);
  return [naming(before, 'extortion-contact', 'w-1'), naming(after, 'extortion-contact', 'w-1')];
}

describe('an extortion contact in the spellings victims and platforms use', () => {
  it.each<[string, Contacts, Contacts]>([
    [
      'the platform and the handle with only a space between',
      { messengers: ['telegram:@kim_dev'] },
      { messengers: ['Telegram kim_dev'] },
    ],
    [
      'the handle "on" its platform',
      { messengers: ['t.me/kim_dev'] },
      { messengers: ['@kim_dev on Telegram'] },
    ],
    [
      'a WhatsApp number after the word',
      { phones: ['+1 415 555 0100'] },
      { messengers: ['WhatsApp +1 415 555 0100'] },
    ],
    [
      'Facebook Messenger links',
      { messengers: ['https://www.facebook.com/kim.dev'] },
      { messengers: ['m.me/Kim.Dev'] },
    ],
    [
      'a TikTok profile',
      { messengers: ['tiktok: @kim_dev'] },
      { messengers: ['https://www.tiktok.com/@kim_dev?lang=en'] },
    ],
    [
      'a Snapchat add link',
      { messengers: ['snapchat: kim_dev'] },
      { messengers: ['https://snapchat.com/add/kim_dev'] },
    ],
    [
      'a Threema ID link',
      { messengers: ['threema: ABCD1234'] },
      { messengers: ['https://threema.id/ABCD1234'] },
    ],
    ['a VK page', { messengers: ['vk: kim_dev'] }, { messengers: ['https://vk.com/kim_dev'] }],
    [
      'Telegram written with a space',
      { messengers: ['telegram:@kim_dev'] },
      { messengers: ['Telegram @Kim_Dev'] },
    ],
    [
      'Telegram with a dash',
      { messengers: ['t.me/kim_dev'] },
      { messengers: ['telegram - @kim_dev'] },
    ],
    [
      'the platform after the handle',
      { messengers: ['@kim_dev'] },
      { messengers: ['kim_dev (Telegram)'] },
    ],
    [
      'a WhatsApp app link',
      { messengers: ['whatsapp: +1 415 555 0100'] },
      { messengers: ['whatsapp://send?phone=14155550100'] },
    ],
    [
      'WhatsApp Web',
      { messengers: ['wa.me/14155550100'] },
      { messengers: ['https://web.whatsapp.com/send?phone=14155550100&text=hi'] },
    ],
    [
      'a Viber link',
      { messengers: ['viber: +14155550100'] },
      { messengers: ['viber://chat?number=%2B14155550100'] },
    ],
    [
      'a Skype call link',
      { messengers: ['skype: kim.dev'] },
      { messengers: ['skype:kim.dev?chat'] },
    ],
    [
      'a LINE link',
      { messengers: ['line: kimdev88'] },
      { messengers: ['https://line.me/R/ti/p/~kimdev88'] },
    ],
    [
      'a WeChat link',
      { messengers: ['wechat: kimdev88'] },
      { messengers: ['weixin://dl/chat?kimdev88'] },
    ],
    [
      'the report names a phone, the profile its WhatsApp link',
      { phones: ['+1 (415) 555-0100'] },
      { messengers: ['https://wa.me/14155550100'] },
    ],
    [
      'the report names a Signal link, the profile the phone',
      { messengers: ['https://signal.me/#p/+14155550100'] },
      { phones: ['00 1 415 555 0100'] },
    ],
    ['a mailto link', { emails: ['kim.dev@proton.me'] }, { emails: ['mailto:Kim.Dev@proton.me'] }],
    [
      'an email with a display name',
      { emails: ['"Kim" <kim.dev@proton.me>'] },
      { emails: ['kim.dev+jobs@proton.me'] },
    ],
    [
      'a phone with an extension',
      { phones: ['+1 415 555 0100'] },
      { phones: ['+1 415 555 0100 ext. 12'] },
    ],
  ])('matches %s', (_label, reported, given) => {
    for (const hits of bothOrders(reported, given)) expect(hits).toHaveLength(1);
  });

  it.each<[string, Contacts, Contacts]>([
    [
      'another handle',
      { messengers: ['telegram:@kim_dev'] },
      { messengers: ['Telegram @kim_dev2'] },
    ],
    [
      'a handle that is a prefix of the reported one',
      { messengers: ['telegram:@kim_dev'] },
      { messengers: ['t.me/kim_de'] },
    ],
    [
      'a longer handle behind the same platform word',
      { messengers: ['t.me/kim_dev'] },
      { messengers: ['kim_dev_backup (Telegram)'] },
    ],
    [
      'a two-word name that names no platform',
      { messengers: ['telegram:@dev'] },
      { messengers: ['kim dev'] },
    ],
    [
      'another Facebook page',
      { messengers: ['facebook: kim.dev'] },
      { messengers: ['https://m.me/kim.dev2'] },
    ],
    [
      'another number on WhatsApp',
      { phones: ['+1 415 555 0100'] },
      { messengers: ['whatsapp://send?phone=14155550199'] },
    ],
    [
      'a Discord user id that is no phone number',
      { phones: ['+1 415 555 0100'] },
      { messengers: ['discord.com/users/80351110224678912'] },
    ],
    [
      'another mailbox',
      { emails: ['kim.dev@proton.me'] },
      { emails: ['mailto:kim.dev2@proton.me'] },
    ],
  ])('keeps %s quiet', (_label, reported, given) => {
    for (const hits of bothOrders(reported, given)) expect(hits).toEqual([]);
  });
});

describe('laptop-farm attributes in different spellings', () => {
  const profiles = (values: Record<string, unknown>[]) =>
    run(
      engineWith(),
      values.map((v, i) => worker(`w-${i + 1}`, v, T(1, i))),
    );
  const tied = (alerts: ReturnType<typeof run>) =>
    only(alerts, 'shared-device').flatMap((a) => a.related.workers);

  it('ties workers on one IPv6 address written compressed, in full, in capitals or in brackets', () => {
    const ips = ['2001:db8::7', '2001:0DB8:0000:0000:0000:0000:0000:0007', '[2001:db8:0:0::7]'];
    expect(new Set(tied(profiles(ips.map((ip) => ({ devices: [{ ip }] })))))).toEqual(
      new Set(['w-1', 'w-2', 'w-3']),
    );
  });

  it('ties workers on one IPv4 address, mapped into IPv6 or with a port', () => {
    const ips = ['203.0.113.7', '::ffff:203.0.113.7', '203.0.113.7:51820'];
    expect(new Set(tied(profiles(ips.map((ip) => ({ devices: [{ ip }] })))))).toEqual(
      new Set(['w-1', 'w-2', 'w-3']),
    );
  });

  it('ties two workers on one bank account written with and without spaces', () => {
    const banks = ['DE89 3704 0044 0532 0130 00', 'de89-3704-0044-0532-0130-00'];
    expect(new Set(tied(profiles(banks.map((b) => ({ bankAccountHashes: [b] })))))).toEqual(
      new Set(['w-1', 'w-2']),
    );
  });

  it('ties three workers at one address written with #, Apt and a ZIP+4', () => {
    const homes = [
      '12 Main Street #4, Springfield, IL 62701',
      '12 MAIN ST APT 4 SPRINGFIELD IL 62701-1234',
      '12 main st., apt. 4, springfield, il 62701',
    ];
    expect(
      new Set(tied(profiles(homes.map((residentialAddress) => ({ residentialAddress }))))),
    ).toEqual(new Set(['w-1', 'w-2', 'w-3']));
  });

  it('ties two workers on one device whose fingerprint is written with and without separators', () => {
    const prints = ['3F:A2:9C:00:7B:11', '3fa29c007b11'];
    expect(
      new Set(tied(profiles(prints.map((fingerprint) => ({ devices: [{ fingerprint }] }))))),
    ).toEqual(new Set(['w-1', 'w-2']));
    const uuids = ['{6F9619FF-8B86-D011-B42D-00C04FC964FF}', '6f9619ff8b86d011b42d00c04fc964ff'];
    expect(
      new Set(tied(profiles(uuids.map((fingerprint) => ({ devices: [{ fingerprint }] }))))),
    ).toEqual(new Set(['w-1', 'w-2']));
    // Words joined by dashes are no hex groups: left as written.
    expect(
      tied(profiles(['fp-abc-1', 'fpabc1'].map((fingerprint) => ({ devices: [{ fingerprint }] })))),
    ).toEqual([]);
  });

  it('ties three workers at one address with the state written in full or as its code', () => {
    const homes = [
      '12 Main St Apt 4, Springfield, Illinois 62701',
      '12 Main St #4, Springfield, IL 62701',
      '12 main street apt 4 springfield il 62701-1234',
    ];
    expect(
      new Set(tied(profiles(homes.map((residentialAddress) => ({ residentialAddress }))))),
    ).toEqual(new Set(['w-1', 'w-2', 'w-3']));
    // A street named after a state is still the street.
    const streets = [
      '900 Washington Street Apt 2, Seattle, WA 98101',
      '900 WA Street Apt 2, Seattle, WA 98101',
      '900 Washington St Apt 2, Seattle, Washington 98101',
    ];
    expect(
      new Set(tied(profiles(streets.map((residentialAddress) => ({ residentialAddress }))))),
    ).toEqual(new Set());
  });

  it('keeps neighbours apart: another IP, another account, another flat', () => {
    expect(
      tied(
        profiles(
          ['2001:db8::7', '2001:db8::70', '2001:db8::7:0'].map((ip) => ({ devices: [{ ip }] })),
        ),
      ),
    ).toEqual([]);
    expect(
      tied(
        profiles(
          ['DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 01'].map((b) => ({
            bankAccountHashes: [b],
          })),
        ),
      ),
    ).toEqual([]);
    expect(
      tied(
        profiles(
          [
            '12 Main St #4, Springfield',
            '12 Main St Apt 5, Springfield',
            '12 Main St #14, Springfield',
          ].map((residentialAddress) => ({ residentialAddress })),
        ),
      ),
    ).toEqual([]);
  });
});
