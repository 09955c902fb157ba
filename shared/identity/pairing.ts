/**
 * One-to-one pairing of two short lists (the words of two names): the best-credited pairs
 * first, each item paired at most once. Names have a few words, so greedy is enough.
 */

/** Sum of the credits of the pairs taken; `credit(i, j)` of 0 pairs nothing. */
export function pairedCredit(
  n: number,
  m: number,
  credit: (i: number, j: number) => number,
): number {
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = credit(i, j);
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Uint8Array(n);
  const usedB = new Uint8Array(m);
  let total = 0;
  for (const { i, j, s } of pairs) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    total += s;
  }
  return total;
}
