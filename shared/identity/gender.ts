/**
 * The other sex's form of a name. Family names in Slavic, Baltic and Greek usage change with
 * the sex of the bearer (Smirnov/Smirnova, Kowalski/Kowalska, Novák/Nováková,
 * Petrauskas/Petrauskienė, Papadopoulos/Papadopoulou): one family name, and a spelling that
 * forms, profiles and transliterations swap at will, so screening engines read them as one
 * name. Given names that change with sex (Michel/Michelle, Mario/Maria) name another person.
 *
 * The endings come from the grammars of those languages (Russian, Ukrainian and Bulgarian
 * -ov/-ova, -in/-ina, -skiy/-skaya, -oy/-aya; Polish -ski/-ska, -cki/-cka; Czech and Slovak
 * -ová and -ý/-á; Lithuanian -as/-is/-us/-ys with -ienė, -aitė, -ytė, -iūtė, -utė; Latvian
 * -s/-a; Greek -os/-ou, -is/-i, -as/-a), folded to ASCII as names are compared.
 */

/** Masculine adjectival endings of Slavic family names after -sk/-ck/-tsk (Zelenskyy, Kowalski). */
const ADJECTIVAL = /^(.*(?:sk|ck|tsk|zk|dzk))(?:iy|ii|yy|yi|ij|yj|y|i)$/;
/** Their feminine endings (Zelenska, Zhirinovskaya, Kowalska). */
const ADJECTIVAL_FEMININE = /^(?:a|aya|aia|aja)$/;
/** Lithuanian masculine endings and the feminine ones that replace them. */
const LITHUANIAN_MASCULINE = /^(.{3,}?)(?:as|is|ys|us)$/;
const LITHUANIAN_FEMININE = /^(?:iene|aite|yte|iute|ute)$/;
/** Greek masculine endings and their feminine form (genitive for -os). */
const GREEK: readonly (readonly [string, string])[] = [
  ['os', 'ou'],
  ['is', 'i'],
  ['as', 'a'],
];
/** Shortest stem a family-name ending is taken off (Ivanov: ivan). */
const MIN_STEM = 3;
/**
 * Given names ending like a family name of -in or -as: their -a forms are the other sex's
 * given name (Valentin/Valentina, Martin/Martina, Andreas/Andrea), another person.
 */
const GIVEN_LIKE_FAMILY: ReadonlySet<string> = new Set([
  'valentin',
  'konstantin',
  'martin',
  'justin',
  'kristin',
  'karin',
  'marin',
  'albin',
  'augustin',
  'florin',
  'robin',
  'quentin',
  'andreas',
  'nicolas',
  'nikolas',
  'thomas',
  'lukas',
  'jonas',
  'matthias',
  'elias',
  'tobias',
  'julius',
  'marius',
  'markus',
  'linus',
  'denis',
  'dennis',
]);

/**
 * True when `b` is the feminine form of the masculine family name `a` (order matters: call
 * both ways). Both words are folded ASCII.
 */
export function feminineFamilyName(a: string, b: string): boolean {
  // Cheap first: the feminine form starts like the masculine one.
  if (a.length < MIN_STEM + 2 || a[0] !== b[0] || a[1] !== b[1]) return false;
  if (GIVEN_LIKE_FAMILY.has(a)) return false;
  // Russian, Ukrainian, Belarusian, Bulgarian: -ov/-ev/-in/-yn + a (Petrov, Petrova).
  if (b === `${a}a` && /(ov|ev|in|yn)$/.test(a)) return true;
  const adjectival = ADJECTIVAL.exec(a)?.[1];
  if (adjectival !== undefined && b.startsWith(adjectival))
    return ADJECTIVAL_FEMININE.test(b.slice(adjectival.length));
  // Russian -oy/-oi, -aya (Tolstoy, Tolstaya); Czech and Slovak -y, -a (Novotny, Novotna).
  if (/(oy|oi)$/.test(a) && b === `${a.slice(0, -2)}aya`) return true;
  if (/[^aeiou]y$/.test(a) && b === `${a.slice(0, -1)}a`) return true;
  return czech(a, b) || baltic(a, b) || greek(a, b);
}

/** Czech and Slovak -ová: Novák/Nováková, Svoboda/Svobodová, Němec/Němcová, Marek/Marková. */
function czech(a: string, b: string): boolean {
  if (!b.endsWith('ova') || b.length < a.length + 2) return false;
  const stem = b.slice(0, -3);
  if (stem === a) return true;
  if (/[aeo]$/.test(a) && stem === a.slice(0, -1)) return true;
  // A movable e before the last consonant drops (Němec -> Němcová, Marek -> Marková).
  return /e[ckl]$/.test(a) && stem === `${a.slice(0, -2)}${a[a.length - 1]}`;
}

/** Lithuanian (Petrauskas/Petrauskienė/Petrauskaitė) and Latvian (Ozols/Ozola, Bērziņš/Bērziņa). */
function baltic(a: string, b: string): boolean {
  const stem = LITHUANIAN_MASCULINE.exec(a)?.[1];
  if (stem !== undefined && b.startsWith(stem) && LITHUANIAN_FEMININE.test(b.slice(stem.length)))
    return true;
  // Latvian -s to -a, on a stem of five letters or more (Lopes is no Lopea; Ozols is short
  // but its stem ozol is not: four letters).
  return a.length >= 5 && /[^aeious]s$/.test(a) && b === `${a.slice(0, -1)}a`;
}

/** Greek: Papadopoulos/Papadopoulou, Georgiadis/Georgiadi, Papadimas/Papadima. */
function greek(a: string, b: string): boolean {
  for (const [masculine, feminine] of GREEK) {
    if (!a.endsWith(masculine) || a.length < MIN_STEM + masculine.length + 2) continue;
    if (b === `${a.slice(0, -masculine.length)}${feminine}`) return true;
  }
  return false;
}

/** Masculine endings a feminine family name may come from, by the feminine ending it has. */
const MASCULINE_OF: readonly (readonly [RegExp, readonly string[]])[] = [
  [/(?<=(?:ov|ev|in|yn))a$/, ['']],
  [/(?<=(?:sk|ck|zk))(?:a|aya|aia|aja)$/, ['i', 'y', 'iy', 'yy', 'yi', 'ii']],
  [/aya$/, ['oy', 'oi']],
  [/(?<=[^aeiou])a$/, ['y', 's', 'as']],
  [/(?:iene|aite|yte|iute|ute)$/, ['as', 'is', 'ys', 'us']],
  [/ova$/, ['', 'a', 'e', 'o']],
  [/ou$/, ['os']],
  [/(?<=[^aeiou])i$/, ['is']],
];
/** Feminine endings a masculine family name may take, by the masculine ending it has. */
const FEMININE_OF: readonly (readonly [RegExp, readonly string[]])[] = [
  [/(?<=(?:ov|ev|in|yn))$/, ['a']],
  [/(?<=(?:sk|ck|zk))(?:iy|ii|yy|yi|ij|yj|y|i)$/, ['a', 'aya']],
  [/(?:oy|oi)$/, ['aya']],
  [/(?<=[^aeiou])y$/, ['a']],
  [/(?:as|is|ys|us)$/, ['iene', 'aite', 'yte', 'iute', 'ute']],
  [/(?<=[^aeious])s$/, ['a']],
  [/$/, ['ova']],
  [/[aeo]$/, ['ova']],
  [/os$/, ['ou']],
  [/is$/, ['i']],
  [/as$/, ['a']],
];

/**
 * Spellings the other sex's form of a family name may have, to look up in the index (each one
 * is checked by `feminineFamilyName` when scored): Smirnova for Smirnov, Novák for Nováková.
 */
export function otherSexForms(word: string): string[] {
  if (word.length < MIN_STEM + 2 || GIVEN_LIKE_FAMILY.has(word)) return [];
  const out: string[] = [];
  for (const table of [MASCULINE_OF, FEMININE_OF]) {
    for (const [ending, forms] of table) {
      const m = ending.exec(word);
      if (m === null) continue;
      const stem = word.slice(0, m.index);
      for (const f of forms) out.push(stem + f);
    }
  }
  // A movable e before the last consonant (Němec, Němcová; Marek, Marková).
  if (/e[ckl]$/.test(word)) out.push(`${word.slice(0, -2)}${word.slice(-1)}ova`);
  const movable = /^(.*)([ckl])ova$/.exec(word);
  if (movable) out.push(`${movable[1]}e${movable[2]}`);
  return out.filter((f) => f !== word && f.length >= MIN_STEM + 1);
}

/**
 * True when one given name is the other sex's form of the other, another person: Michelle for
 * Michel, Fabienne for Fabien, Denise for Denis (French), Maria for Mario (Italian, Spanish),
 * Valentina for Valentin, Andrea for Andreas.
 */
export function otherSexGivenName(a: string, b: string): boolean {
  if (a[0] !== b[0] || a[1] !== b[1]) return false;
  return feminineGivenName(a, b) || feminineGivenName(b, a);
}

function feminineGivenName(a: string, b: string): boolean {
  const longer = b.length - a.length;
  if (longer < 0 || longer > 2) return false;
  if (GIVEN_LIKE_FAMILY.has(a) && (b === `${a}a` || (a.endsWith('as') && b === a.slice(0, -1))))
    return true;
  // Given names after -r, -n, -l, -m, -v add -a (Aleksandr/Aleksandra, Bogdan/Bogdana,
  // Jan/Jana, Daniel/Daniela, Karim/Karima, Stanislav/Stanislava), -iy/-ij become -iya/-ija
  // (Yevgeniy/Yevgeniya, Valerij/Valerija); family names of -ov, -ev, -in, -yn do so too, but
  // name the same family (see above). Other endings with -a are spellings (Bakht/Bakhta,
  // Hamad/Hamada).
  if (b === `${a}a` && /[rnlmv]$/.test(a) && !/(ov|ev|in|yn)$/.test(a)) return true;
  if (/i[yj]$/.test(a) && b === `${a}a`) return true;
  if (/el$/.test(a) && b === `${a}le`) return true;
  if (/[aeio]n$/.test(a) && b === `${a}ne`) return true;
  if (/is$/.test(a) && b === `${a.slice(0, -1)}se`) return true;
  return longer === 0 && a.length >= 4 && a.endsWith('o') && b === `${a.slice(0, -1)}a`;
}
