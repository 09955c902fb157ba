import { describe, expect, it } from 'vitest';
import { alertsBothWays, alertsAlone as matches } from './labelled.ts';

describe('Belarusian names against their Russian spellings', () => {
  it.each([
    ['Aliaksandr Lukashenka', 'Alexander Lukashenko'],
    ['Lukashenka, Alyaksandr Ryhoravich', 'LUKASHENKO, Aleksandr Grigoryevich'],
    ['Siarhei Tsikhanouski', 'Sergei Tikhanovsky'],
    ['Sviatlana Tsikhanouskaya', 'Svetlana Tikhanovskaya'],
    ['Dzmitry Pauliuchenka', 'Dmitry Pavlyuchenko'],
    ['Mikalai Kazlou', 'Nikolai Kozlov'],
    ['Yauhen Zaika', 'Yevgeny Zaiko'],
    ['Valiantsin Akulich', 'Valentin Akulich'],
    ['Aleh Barabanau', 'Oleg Barabanov'],
    ['Katsiaryna Andreyeva', 'Ekaterina Andreeva'],
    ['Ihar Halavanau', 'Igor Golovanov'],
  ])('matches %s ~ %s (given-name forms, ў, дз, ць, г, я and akanye)', (query, listed) => {
    expect(alertsBothWays(query, listed)).toEqual([true, true]);
  });

  it.each([
    ['Aliaksandr Lukashenka', 'Aleksandra Lukashenko'],
    ['Pavel Latushka', 'Pavel Latushkin'],
    ['Siarhei Kavalenka', 'Sergei Kovalchuk'],
    ['Mario Romano', 'Mario Romana'],
    ['Paola Marino', 'Paolo Marino'],
  ])(
    'keeps %s and %s apart (the other sex, another name; o and a apart outside Belarusian spellings)',
    (query, listed) => {
      expect(matches(query, listed)).toBe(false);
    },
  );

  it.each([
    ['Aliaksandr Shautsou', 'Aleksandr Shevtsov'],
    ['Viktar Charnou', 'Viktor Chernov'],
    ['Siarhei Piatrou', 'Sergei Petrov'],
    ['Mikalai Karpiankou', 'Nikolai Karpenkov'],
    ['Aliaksandr Vetsianevich', 'Aleksandr Vetenevich'],
    ['Ivan Tsertsel', 'Ivan Tertel'],
    ['Uladzimir Navumau', 'Vladimir Naumov'],
    ['Siarhei Charheika', 'Sergei Chergeiko'],
    ['Andrei Tkachou', 'Andrei Tkachev'],
    ['Lidya Yarmoshyna', 'Lidziya Yarmoshyna'],
    ['Igar Plysheuski', 'Igor Plyshevskiy'],
    ['Aliaksandr Zaitsau', 'Aleksandr Zaytsev'],
  ])(
    'matches %s ~ %s (яканне, а for е after the hardened consonants, ць before e, в before у)',
    (query, listed) => {
      expect(alertsBothWays(query, listed)).toEqual([true, true]);
    },
  );

  it.each([
    ['Pavel Shautsou', 'Pavel Shevchuk'],
    ['Ivan Charnou', 'Ivan Chernyak'],
    ['Rustam Nuriev', 'Rustam Nurow'],
    ['Eugenia Lopez', 'Eugenio Lopez'],
    ['Mario Pouria', 'Mario Paura'],
    ['Lidya Petrova', 'Linda Petrova'],
  ])('keeps %s and %s apart (another name; a final vowel and ие kept)', (query, listed) => {
    expect(alertsBothWays(query, listed)).toEqual([false, false]);
  });

  it.each([
    ['Yauhen Shapetska', 'Yevgeny Shapetko'],
    ['Alaksandr Lukashenka', 'Aleksandr Lukashenko'],
    ['Alaksiej Hurski', 'Aleksey Gurskiy'],
    ['Jevgenij Andrejevitj Sjapetko', 'Yevgeniy Andreevich Shapetko'],
    ['Igor Grigorjevitj Kenjuch', 'Igor Grigorevich Keniukh'],
    ['Artsiom Kanstantsinavitj Dunka', 'Artem Konstantinovich Dunko'],
    ['Nikita Chrusjtjov', 'Nikita Khrushchev'],
    ['Michail Gorbatjov', 'Mikhail Gorbachev'],
    ['Dzmitry Paulichenka', 'Dmitry Pavliuchenko'],
    ['Yuriy Karaeu', 'Yuri Karayev'],
    ['Jauhen Sjapetska', 'Yevgeny Shapetko'],
    ['Ivan Andrejevitj Petrov', 'Ivan Andrejevich Petrov'],
    ['Vadzim Ipatau', 'Vadim Ipatov'],
    ['Volga Darashenka', 'Olga Doroshenko'],
  ])(
    'matches %s ~ %s (ць before the soft sign, łacinka, Swedish sj, tj, ch and j, a letter more, е after a vowel)',
    (query, listed) => {
      expect(alertsBothWays(query, listed)).toEqual([true, true]);
    },
  );

  it.each([
    ['Jevgenij Andrejevitj Sjapetko', 'Yevgeniy Andreevna Shapetko'],
    ['Nikita Chrusjtjov', 'Nikita Khrushchenko'],
    ['Michail Gorbatjov', 'Mikhail Gorbunov'],
    ['Yauhen Shapetska', 'Yevgeny Shapovalov'],
    ['Dzmitry Paulichenka', 'Dmitry Pavlichenkov'],
  ])('keeps %s and %s apart (a daughter, another family name)', (query, listed) => {
    expect(alertsBothWays(query, listed)).toEqual([false, false]);
  });

  it('reads a Belarusian patronymic as the Russian one (Ryhoravich, Grigoryevich; Mikalaeuna, Nikolaevna)', () => {
    expect(matches('Alena Mikalaeuna Dmukhaila', 'Yelena Nikolaevna Dmukhaylo')).toBe(true);
    expect(matches('Aliaksandr Ryhoravich Lukashenka', 'Aleksandr Petrovich Lukashenko')).toBe(
      false,
    );
  });
});
