/**
 * Belarusian given names as Belarus's official romanization (2007) and BGN/PCGN write them
 * from the Belarusian form (Аляксандр Aliaksandr, Сяргей Siarhei, Мікалай Mikalai, Яўген
 * Yauhen), and as the Belarusian Latin alphabet (łacinka) writes them, which spells ля, ле as
 * la, le, the l soft (Alaksandr, Alaksiej), each under the key of the given-name table in `tokens.ts` its Russian form has:
 * passports, registers and profiles of Belarusians give one, sanctions lists often the other
 * (LUKASHENKO, Alexander for Aliaksandr Lukashenka).
 *
 * Written for this project from the two romanization tables (я ia, е ie, ё io, ю iu, г h,
 * дз dz, ць ts, ў u, akanye's a for the o of Russian) applied to the usual Belarusian form of
 * each name. Forms that are also another language's name (Hanna, Raman, Anton) are left out:
 * one of them proves neither (Alena is Elena in Czech too).
 */
export const BELARUSIAN_GIVEN_NAMES: Readonly<Record<string, readonly string[]>> = {
  aleksandr: ['aliaksandr', 'alyaksandr', 'aliaksandar', 'alaksandr', 'alaksandar'],
  aleksey: ['aliaksei', 'aliaksiej', 'aliaksey', 'alyaksey', 'alyaksei', 'alaksiej', 'alaksei'],
  sergey: ['siarhei', 'siarhiej', 'siarhey', 'syarhey', 'syarhei'],
  dmitriy: ['dzmitry', 'dzmitryi', 'dzmitriy', 'zmitser', 'zmicier'],
  nikolay: ['mikalai', 'mikalaj', 'mikalay'],
  yevgeniy: ['yauhen', 'yauheni', 'jauhien', 'jauhen', 'yawhen', 'yawheni'],
  igor: ['ihar', 'igar'],
  grigoriy: ['ryhor'],
  anatoliy: ['anatol', 'anatoli'],
  leonid: ['leanid'],
  valentin: ['valiantsin', 'valyantsin', 'valancin'],
  vladislav: ['uladzislau', 'uladzislaw'],
  vyacheslav: ['viachaslau', 'viacheslau', 'viachaslaw', 'vyachaslaw', 'vyachaslau'],
  stanislav: ['stanislau', 'stanislaw'],
  yaroslav: ['yaraslau', 'jaraslau'],
  boris: ['barys'],
  gleb: ['hleb'],
  fyodor: ['fiodar', 'fedar'],
  timofey: ['tsimafei', 'cimafiej'],
  artyom: ['artsiom', 'arciom'],
  kirill: ['kiryl'],
  konstantin: ['kanstantsin', 'kanstancin'],
  semyon: ['siamion', 'siamen'],
  vasiliy: ['vasil', 'vasili'],
  viktor: ['viktar'],
  yuriy: ['yury'],
  yekaterina: ['katsiaryna', 'katsyaryna', 'kaciaryna'],
  svetlana: ['sviatlana', 'svyatlana'],
  tatyana: ['tatsiana', 'taciana', 'tatsyana'],
  olga: ['volha', 'volga'],
  mariya: ['maryia', 'maryja'],
  natalya: ['natallia', 'natallya', 'natalla'],
  irina: ['iryna'],
  lyudmila: ['liudmila', 'lyudmila', 'ludmila'],
  yelizaveta: ['lizaveta'],
  stepan: ['stsiapan', 'stiapan', 'stsyapan'],
  oleg: ['aleh', 'alieh'],
  denis: ['dzianis', 'dzyanis'],
  gennadiy: ['henadz', 'hienadz', 'genadz', 'gennady', 'gennadi'],
  lidiya: ['lidziya', 'lidziia', 'lidzia', 'lidia', 'lydia', 'lidya'],
  elena: ['alena', 'aliena', 'alyona'],
  pyotr: ['piatro', 'pyatro'],
  mikhail: ['mikhal', 'mikhas'],
  vadim: ['vadzim'],
};
