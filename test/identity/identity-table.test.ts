import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchEntity, matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { type Case, LISTED, NEGATIVES, POSITIVES } from './cases.ts';

const weights = defaultsOf(schema);
const index = new NameIndex(LISTED);

/** The entry ids a name matches with the identity-match rule's default thresholds. */
function matches(c: Case): string[] {
  if (c.kind === 'entity')
    return matchEntity(index, c.name, weights.minEntityScore).map((m) => m.entry.entryId);
  return matchPerson(
    index,
    { names: [c.name], dateOfBirth: c.dob, nationality: c.nationality },
    weights,
  ).map((m) => m.entry.entryId);
}

describe('identity matching: table of names', () => {
  const missed = POSITIVES.filter((c) => !matches(c).includes(c.expect!));
  const wrong = POSITIVES.filter((c) => matches(c).some((id) => id !== c.expect));
  const falseAlarms = NEGATIVES.filter((c) => matches(c).length > 0);
  const recall = 1 - missed.length / POSITIVES.length;
  const fpRate = falseAlarms.length / NEGATIVES.length;

  it('reports recall and false-positive rate', () => {
    console.log(
      `identity matching: recall ${(recall * 100).toFixed(1)}% (${POSITIVES.length - missed.length}/${POSITIVES.length}), ` +
        `false positives ${(fpRate * 100).toFixed(1)}% (${falseAlarms.length}/${NEGATIVES.length})` +
        (missed.length ? `\n  missed: ${missed.map((c) => c.name).join('; ')}` : '') +
        (falseAlarms.length
          ? `\n  false alarms: ${falseAlarms.map((c) => `${c.name} -> ${matches(c)}`).join('; ')}`
          : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(fpRate).toBeLessThanOrEqual(0.05);
  });

  it('never matches a positive to the wrong party', () => {
    expect(wrong.map((c) => `${c.name} -> ${matches(c)}`)).toEqual([]);
  });

  it.each(
    POSITIVES.filter((c) => c.kind === 'person' && c.name.match(/Jong|Chong|Jeong|JUNG|Chol/)).map(
      (c) => [c.name, c],
    ),
  )('finds JONG IN CHOL as "%s"', (_name, c) => {
    expect(matches(c)).toContain('jong-in-chol');
  });
});
