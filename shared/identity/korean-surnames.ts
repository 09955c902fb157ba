/**
 * Korean surnames and the spellings the usual romanization tables give each (Revised,
 * McCune-Reischauer without its marks, North Korean usage, and the informal spellings of
 * passports and the press), keyed by the surname in Hangul: two spellings of one key are one
 * surname, spellings of two keys are two families. Spellings two surnames share (Song for 성
 * and 송, Chon for 전 and 천 once the breve and the apostrophe are dropped) are listed under
 * both. Syllable keys merge o and u, since ㅓ is written o, eo or u (Chol, Cheol, Chul), so
 * Cho (조) and Chu (주), O (오) and U (우), Ko (고) and Koo (구) share a key: only this table
 * tells those families apart.
 */
export const KOREAN_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  김: ['Kim', 'Gim'],
  이: ['Lee', 'Yi', 'Ri', 'Rhee', 'I', 'Rhie', 'Yie', 'Li'],
  박: ['Park', 'Pak', 'Bak', 'Bahk'],
  최: ['Choi', 'Choe', 'Choy', 'Chwe'],
  정: ['Jung', 'Jeong', 'Chong', 'Jong', 'Chung', 'Cheong'],
  강: ['Kang', 'Gang'],
  조: ['Cho', 'Jo', 'Joe', 'Jho'],
  윤: ['Yoon', 'Yun', 'Youn'],
  장: ['Jang', 'Chang'],
  임: ['Lim', 'Im', 'Rim', 'Yim'],
  한: ['Han'],
  오: ['Oh', 'O'],
  서: ['Seo', 'So', 'Suh'],
  신: ['Shin', 'Sin'],
  권: ['Kwon', 'Gwon', 'Kwan'],
  황: ['Hwang'],
  안: ['Ahn', 'An'],
  송: ['Song'],
  전: ['Jeon', 'Chon', 'Jon', 'Chun'],
  홍: ['Hong'],
  유: ['Yoo', 'Yu'],
  류: ['Ryu', 'Yoo', 'Yu', 'Ryoo'],
  고: ['Ko', 'Go', 'Koh'],
  문: ['Moon', 'Mun'],
  양: ['Yang', 'Ryang'],
  손: ['Son', 'Sohn'],
  배: ['Bae', 'Pae'],
  백: ['Baek', 'Paek', 'Paik', 'Baik'],
  허: ['Heo', 'Ho', 'Huh', 'Hur'],
  남: ['Nam'],
  심: ['Shim', 'Sim'],
  노: ['Noh', 'No', 'Roh', 'Ro'],
  하: ['Ha'],
  곽: ['Kwak', 'Gwak'],
  성: ['Sung', 'Song', 'Seong'],
  차: ['Cha'],
  주: ['Joo', 'Ju', 'Chu'],
  우: ['Woo', 'U'],
  구: ['Koo', 'Ku', 'Gu'],
  민: ['Min'],
  진: ['Jin', 'Chin'],
  지: ['Ji', 'Chi'],
  엄: ['Eom', 'Um', 'Om'],
  채: ['Chae'],
  원: ['Won'],
  천: ['Cheon', 'Chon', 'Chun'],
  방: ['Bang', 'Pang'],
  공: ['Kong', 'Gong'],
  현: ['Hyun', 'Hyon'],
  함: ['Ham'],
  변: ['Byun', 'Pyon', 'Byeon'],
  염: ['Yeom', 'Yom', 'Ryom'],
  여: ['Yeo', 'Yo', 'Ryo'],
  추: ['Choo', 'Chu'],
  도: ['Do', 'To'],
  석: ['Seok', 'Sok'],
  선: ['Sun', 'Son', 'Seon'],
  설: ['Seol', 'Sol'],
  마: ['Ma'],
  길: ['Gil', 'Kil'],
  연: ['Yeon', 'Yon'],
  표: ['Pyo'],
  명: ['Myung', 'Myong'],
  기: ['Ki', 'Gi'],
  반: ['Ban', 'Pan'],
  왕: ['Wang'],
  금: ['Keum', 'Kum'],
  옥: ['Ok'],
  육: ['Yook', 'Yuk'],
  인: ['In'],
  맹: ['Maeng'],
  제: ['Je', 'Che'],
  탁: ['Tak'],
  국: ['Kook', 'Kuk'],
  은: ['Eun', 'Un'],
  용: ['Yong'],
  경: ['Kyung', 'Kyong'],
  봉: ['Bong', 'Pong'],
  가: ['Ka', 'Ga'],
  간: ['Kan', 'Gan'],
  곡: ['Kok', 'Gok'],
  계: ['Kye', 'Gye', 'Kae', 'Kay', 'Keh', 'Key', 'Gae'],
  태: ['Tae', 'Thae'],
  소: ['So'],
  편: ['Pyeon', 'Pyon'],
  나: ['Na', 'Ra'],
  라: ['Ra', 'Na'],
};

/** Each spelling, lowercase, and the surnames in Hangul it writes. */
const BY_SPELLING: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  for (const [hangul, spellings] of Object.entries(KOREAN_SURNAMES)) {
    for (const s of spellings) {
      const key = s.toLowerCase();
      out.set(key, (out.get(key) ?? new Set()).add(hangul));
    }
  }
  return out;
})();

/** The surnames in Hangul a folded word spells, when the table holds it. */
export function surnamesSpelled(word: string): ReadonlySet<string> | undefined {
  return BY_SPELLING.get(word);
}

/**
 * Two folded words as surnames of the table: 1 when they can spell one surname (Joe and Cho
 * for 조, whose syllable keys differ), 0 when they spell two (Cho 조, Chu 주), undefined when
 * either is not in the table.
 */
export function surnameCredit(a: string, b: string): 0 | 1 | undefined {
  const x = BY_SPELLING.get(a);
  const y = BY_SPELLING.get(b);
  if (x === undefined || y === undefined) return undefined;
  for (const h of x) if (y.has(h)) return 1;
  return 0;
}
