import { describe, expect, it } from 'vitest';
import {
  feminineFamilyName,
  otherSexForms,
  otherSexGivenName,
} from '../../shared/identity/gender.ts';

describe('the other sex of a family name', () => {
  it.each([
    ['smirnov', 'smirnova'],
    ['alekseev', 'alekseeva'],
    ['putin', 'putina'],
    ['kowalski', 'kowalska'],
    ['zelenskyy', 'zelenska'],
    ['zhirinovskiy', 'zhirinovskaya'],
    ['tolstoy', 'tolstaya'],
    ['novak', 'novakova'],
    ['svoboda', 'svobodova'],
    ['nemec', 'nemcova'],
    ['novotny', 'novotna'],
    ['petrauskas', 'petrauskiene'],
    ['kazlauskas', 'kazlauskaite'],
    ['ozols', 'ozola'],
    ['papadopoulos', 'papadopoulou'],
    ['georgiadis', 'georgiadi'],
  ])('reads %s and %s as one family name, and finds one from the other', (male, female) => {
    expect(feminineFamilyName(male, female)).toBe(true);
    expect(otherSexForms(female)).toContain(male);
    expect(otherSexForms(male)).toContain(female);
  });

  it.each([
    ['valentin', 'valentina'],
    ['martin', 'martina'],
    ['andreas', 'andrea'],
    ['lopes', 'lopea'],
  ])('does not read the given name %s and %s that way', (a, b) => {
    expect(feminineFamilyName(a, b)).toBe(false);
  });
});

describe('the other sex of a given name', () => {
  it.each([
    ['michel', 'michelle'],
    ['mario', 'maria'],
    ['aleksandr', 'aleksandra'],
    ['yevgeniy', 'yevgeniya'],
    ['valentin', 'valentina'],
    ['jan', 'jana'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(otherSexGivenName(a, b)).toBe(true);
    expect(otherSexGivenName(b, a)).toBe(true);
  });

  it.each([
    ['bakht', 'bakhta'],
    ['hamad', 'hamada'],
    ['smirnov', 'smirnova'],
  ])('takes %s and %s for spellings or a family name', (a, b) => {
    expect(otherSexGivenName(a, b)).toBe(false);
  });
});
