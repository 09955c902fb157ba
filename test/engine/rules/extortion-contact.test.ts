import { describe, expect, it } from 'vitest';
import { engineWith, only, report, run, T, worker } from '../events.ts';

describe('extortion-contact', () => {
  it('matches emails however they are written (case, +tag, Gmail dots, googlemail)', () => {
    const engine = engineWith();
    run(engine, [worker('w-1', { emails: ['john.doe@gmail.com'] })]);
    const alerts = only(
      run(engine, [
        report({ reportId: 'r-9', contacts: { emails: ['John.Doe+jobs@GoogleMail.com'] } }, T(2)),
      ]),
      'extortion-contact',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'worker', workerId: 'w-1' },
      severity: 'high',
    });
    expect(alerts[0]!.title).toContain('r-9');
  });

  it('matches a phone with and without country code, and a handle with its platform', () => {
    const engine = engineWith();
    run(engine, [
      report({ contacts: { phones: ['415.555.0100'], messengers: ['Telegram: @Kim_Dev'] } }, T(1)),
    ]);
    const alerts = only(
      run(engine, [
        worker('w-2', { phones: ['+1 (415) 555-0100'], messengers: ['kim_dev'] }, T(2)),
      ]),
      'extortion-contact',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.score).toBe(90);
    expect(alerts[0]!.evidence.filter((e) => e.kind === 'fact')).toHaveLength(2);
  });

  it('does not match look-alikes', () => {
    const engine = engineWith();
    run(engine, [
      worker('w-3', { emails: ['alex.morgan@gmail.com'], phones: ['+44 20 7946 0958'] }),
    ]);
    const alerts = run(engine, [
      report(
        { contacts: { emails: ['alexmorgan.dev@gmail.com'], phones: ['+1 415 555 0100'] } },
        T(2),
      ),
    ]);
    expect(only(alerts, 'extortion-contact')).toEqual([]);
  });
});
