/**
 * Hypocorisms: the short and pet forms of given names that people use on profiles and forms
 * (Bob for Robert, Sasha for Aleksandr, Kolya for Nikolai, Pepe for José). Each form maps to one
 * key of the given-name table in `tokens.ts`, so a nickname counts as the name itself.
 *
 * Written for this project from common knowledge of English, Russian, Spanish, Italian and
 * German naming (the usual diminutive of each name, as name dictionaries give it). Forms shared
 * by several names (Slava for Vyacheslav, Vladislav, Stanislav; Pat for Patrick and Patricia;
 * Al, Sandy, Vlad) are left out: a nickname that may stand for two names proves neither.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  // Russian and Ukrainian diminutives.
  aleksandr: ['shura', 'sanya', 'sascha'],
  aleksey: ['alyosha', 'lyosha', 'lesha', 'alesha'],
  dmitriy: ['dmytro', 'dima', 'mitya'],
  nikolay: ['kolya'],
  mikhail: ['mishka'],
  sergey: ['seryozha', 'serezha'],
  yevgeniy: ['zhenya'],
  pavel: ['pasha'],
  pyotr: ['petya'],
  konstantin: ['kostiantyn', 'kostyantyn', 'kostya'],
  anatoliy: ['anatoly', 'anatolii', 'tolya'],
  yuriy: ['yura'],
  grigoriy: ['hryhoriy', 'hryhorii', 'grisha'],
  boris: ['borya'],
  viktor: ['victor', 'vitya'],
  ivan: ['vanya'],
  yekaterina: ['ekaterina', 'katya'],
  mariya: ['maria', 'mariia', 'marya', 'masha'],
  anna: ['anya'],
  olga: ['olya'],
  svetlana: ['sveta'],
  lyudmila: ['lyuda'],
  galina: ['galya'],
  // Not nicknames: the same name in Ukrainian and Belarusian, as any-ascii and the usual
  // transliterations write it (Володимир Volodimir, Уладзімір Uladzimir; Dmytro, Kostiantyn and
  // Hryhoriy are with their names above).
  vladimir: ['volodimir', 'uladzimir'],
  oleg: ['oleh'],
  igor: ['ihor'],
  // English.
  henry: ['hank', 'harry'],
  lawrence: ['larry', 'laurence'],
  gerald: ['jerry', 'gerry'],
  andrew: ['andy', 'drew'],
  peter: ['pete'],
  gregory: ['greg'],
  matthew: ['matt'],
  frederick: ['fred', 'freddie', 'freddy'],
  donald: ['donny'],
  ronald: ['ron', 'ronnie'],
  kenneth: ['ken', 'kenny'],
  timothy: ['tim', 'timmy'],
  joshua: ['josh'],
  susan: ['sue', 'susie'],
  jennifer: ['jen', 'jenny'],
  rebecca: ['becky'],
  deborah: ['debbie'],
  patricia: ['patty', 'trish'],
  victoria: ['vicky'],
  abigail: ['abby'],
  jacob: ['jake'],
  zachary: ['zach'],
  walter: ['walt'],
  raymond: ['ray'],
  eugene: ['gene'],
  stanley: ['stan'],
  douglas: ['doug'],
  philip: ['phil'],
  vincent: ['vince', 'vinnie'],
  edward: ['ned'],
  // Spanish, Italian, German.
  jose: ['pepe'],
  francisco: ['paco', 'pancho'],
  ignacio: ['nacho'],
  manuel: ['manolo'],
  giuseppe: ['beppe', 'peppe'],
  johannes: ['hans'],
  friedrich: ['fritz'],
  heinrich: ['heinz'],
  josef: ['sepp'],
};
