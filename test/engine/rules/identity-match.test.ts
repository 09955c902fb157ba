import { describe, expect, it } from 'vitest';
import { engineWith, entry, list, only, run, worker } from '../events.ts';

const sdn = list([
  entry('JONG IN CHOL', { kind: 'person', datesOfBirth: ['1978-04-22'], nationalities: ['KP'] }),
  entry('KIM SANG MAN', { kind: 'person', datesOfBirth: ['1966'], nationalities: ['KP'] }),
  entry('KOREA OSONG SHIPPING CO', { kind: 'entity' }),
]);
const screen = (profile: Parameters<typeof worker>[1]) =>
  only(run(engineWith([sdn]), [worker('w-1', profile)]), 'identity-match');

describe('identity-match', () => {
  it('matches another romanization and word order, corroborated by the date of birth', () => {
    const [a] = screen({
      legalName: 'Chong In-chol',
      dateOfBirth: '1978-04-22',
      nationality: 'CN',
    });
    expect(a).toMatchObject({ severity: 'critical', subject: { kind: 'worker', workerId: 'w-1' } });
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'list-entry',
        name: 'JONG IN CHOL',
        listVersion: sdn.version.id,
      }),
    );
  });

  it('matches on an alias alone, as high rather than critical', () => {
    const [a] = screen({ legalName: 'Daniel Park', aliases: ['In Chol Jong'] });
    expect(a).toMatchObject({ severity: 'high', score: 85 });
  });

  it('lets a different date of birth clear a homonym, and leaves common names alone', () => {
    expect(
      screen({ legalName: 'Jung In-chul', dateOfBirth: '1990-06-11', nationality: 'KR' }),
    ).toEqual([]);
    expect(screen({ legalName: 'Kim Min-jun' })).toEqual([]);
    expect(screen({ legalName: 'Kim Sang-min', dateOfBirth: '1966-02-02' })).toEqual([]);
  });

  it('matches the employer against listed entities', () => {
    const [a] = screen({
      legalName: 'Ana Silva',
      employer: { id: 'emp-9', name: 'Osong Shipping Company (Korea)' },
    });
    expect(a).toMatchObject({
      subject: { kind: 'employer', employerId: 'emp-9', workerId: 'w-1' },
      score: 80,
    });
  });
});
