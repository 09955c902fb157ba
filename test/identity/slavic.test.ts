import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { listedPerson } from './labelled.ts';

const weights = defaultsOf(schema);

/** True when `query` alerts against a list holding `listed` and a few other names. */
function matches(query: string, listed: string): boolean {
  const names = [listed, 'Ivan Petrov', 'Zaid Hamdan', 'Olga Smirnova'];
  const index = new NameIndex(names.map((name, i) => listedPerson(`p${i}`, name)));
  return matchPerson(index, { names: [query] }, weights).some((m) => m.entry.name === listed);
}

describe('Slavic names as German, Polish and French write them', () => {
  it.each([
    ['Wolodymyr Selenskyj', 'Volodymyr Zelenskyy'],
    ['Włodzimierz Zełenski', 'Volodymyr Zelensky'],
    ['Nikita Chruschtschow', 'Nikita Khrushchev'],
    ['Michail Gorbatschow', 'Mikhail Gorbachev'],
    ['Michał Gorbaczow', 'GORBACHEV, Mikhail'],
    ['Boris Jelzin', 'Boris Yeltsin'],
    ['Taras Schewtschenko', 'Taras Shevchenko'],
    ['Vladimir Poutine', 'Vladimir Putin'],
    ['Sergueï Choïgou', 'Sergei Shoigu'],
  ])('matches %s ~ %s', (query, listed) => {
    expect(matches(query, listed)).toBe(true);
  });

  it.each([
    // Three words with two changed: one changed letter in a two-word name alerts on its own.
    ['Said Hamdan Khalil', 'Zaid Hamdan Khalid'],
    ['Olga Smirnow', 'Olga Smirnova'],
    ['Ivan Petrowski', 'Ivan Petrov'],
  ])('keeps %s and %s apart', (query, listed) => {
    expect(matches(query, listed)).toBe(false);
  });
});

describe('Putin as the languages of Europe write him', () => {
  it.each([
    ['Vlagyimir Putyin', 'Vladimir Putin'],
    ['Vladimiras Putinas', 'PUTIN, Vladimir Vladimirovich'],
    ['Predsjednik Putin', 'PUTIN, Vladimir Vladimirovich'],
    ['Președintele Putin', 'PUTIN, Vladimir Vladimirovich'],
    ['Presiden Putin', 'PUTIN, Vladimir Vladimirovich'],
    ['Президент Путин', 'PUTIN, Vladimir Vladimirovich'],
    ['Putin Volodymyr Volodymyrovych', 'PUTIN, Vladimir Vladimirovich'],
    ['Путін Володимир Володимирович', 'PUTIN, Vladimir Vladimirovich'],
    ['Уладзімір Пуцін', 'PUTIN, Vladimir Vladimirovich'],
  ])(
    'matches %s ~ %s (Hungarian, Lithuanian, a title, Ukrainian and Belarusian forms)',
    (query, listed) => {
      expect(matches(query, listed)).toBe(true);
    },
  );
});
