import type { ListEntry } from '../../shared/lists/types.ts';

const person = (entryId: string, name: string, more: Partial<ListEntry> = {}): ListEntry => ({
  source: 'ofac-sdn',
  entryId,
  name,
  aliases: [],
  kind: 'person',
  programs: ['DPRK3'],
  category: 'sanctions',
  addresses: [],
  ...more,
});
const entity = (entryId: string, name: string, aliases: string[] = []): ListEntry => ({
  source: 'ofac-sdn',
  entryId,
  name,
  aliases,
  kind: 'entity',
  programs: ['DPRK3'],
  category: 'sanctions',
  addresses: [],
});

/**
 * Listed persons and entities: the January 2025 IT-worker designations of the brief and
 * parties of the OFAC excerpt in shared/data (dates of birth here are illustrative).
 */
export const LISTED: ListEntry[] = [
  person('jong-in-chol', 'JONG IN CHOL', { datesOfBirth: ['1978-04-22'], nationalities: ['KP'] }),
  person('son-kyong-sik', 'SON KYONG SIK', { datesOfBirth: ['1981-09-03'], nationalities: ['KP'] }),
  person('43377', 'KIM SANG MAN', { datesOfBirth: ['1966'], nationalities: ['KP'] }),
  person('42498', 'SIM HYON SOP', { datesOfBirth: ['1983-11-25'], nationalities: ['KP'] }),
  person('pak-jin-hyok', 'PAK JIN HYOK', {
    aliases: ['PAK KWANG JIN'],
    datesOfBirth: ['1984'],
    nationalities: ['KP'],
  }),
  person('44718', 'SEMENOV, Roman', { datesOfBirth: ['1987-07-07'], nationalities: ['RU'] }),
  person('55065', 'ANDREYEV, Vitaliy', { nationalities: ['RU'] }),
  person('42496', 'WU, Huihui', { nationalities: ['CN'] }),
  entity('department-53', 'DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLES ARMED FORCES', [
    'DEPARTMENT 53',
  ]),
  entity('osong', 'KOREA OSONG SHIPPING CO'),
  entity('chonsurim', 'CHONSURIM TRADING CORPORATION', ['KOREA CHONSURIM TRADING CORPORATION']),
  entity('liaoning', 'LIAONING CHINA TRADE INDUSTRY CO., LTD.'),
  entity('chinyong', 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', [
    'JINYONG IT COOPERATION COMPANY',
  ]),
  entity('sobaeksu', 'KOREA SOBAEKSU TRADING COMPANY'),
  entity('27307', 'LAZARUS GROUP', ['HIDDEN COBRA', 'APPLEWORM']),
  entity('36025', 'GARANTEX EUROPE OU'),
  entity('37070', 'BLENDER.IO'),
  entity('22985', 'CHEIL CREDIT BANK'),
];

/** One row: a name as a worker profile gives it, and the entry it must match (or none). */
export interface Case {
  readonly name: string;
  readonly kind: 'person' | 'entity';
  readonly expect?: string;
  readonly dob?: string;
  readonly nationality?: string;
}

const P = (name: string, expect?: string, dob?: string, nationality?: string): Case => ({
  name,
  kind: 'person',
  expect,
  dob,
  nationality,
});
const E = (name: string, expect?: string): Case => ({ name, kind: 'entity', expect });

/** Names that are the listed party: other romanizations, word orders, hyphens, aliases. */
export const POSITIVES: Case[] = [
  P('Jong In Chol', 'jong-in-chol'),
  P('Chong In-chol', 'jong-in-chol'),
  P('In Chol Jong', 'jong-in-chol'),
  P('Jeong In-cheol', 'jong-in-chol', '1978-04-22'),
  P('JUNG IN CHUL', 'jong-in-chol', '1978-04-22'),
  P('Jong Inchol', 'jong-in-chol'),
  P('Chol Jong In', 'jong-in-chol'),
  P('Chong Inchol', 'jong-in-chol', '1978', 'CN'),
  P('Son Kyong-sik', 'son-kyong-sik'),
  P('Sohn Kyung Shik', 'son-kyong-sik', '1981-09-03'),
  P('Kyong Sik Son', 'son-kyong-sik'),
  P('Son Kyongsik', 'son-kyong-sik'),
  P('Kim Sang-man', '43377'),
  P('Gim Sang Man', '43377', '1966-05-01'),
  P('Sang Man Kim', '43377'),
  P('Sim Hyon-sop', '42498'),
  P('Shim Hyun Seop', '42498', '1983-11-25'),
  P('Hyon Sop Sim', '42498'),
  P('Sim Hyonsop', '42498'),
  P('Pak Jin-hyok', 'pak-jin-hyok'),
  P('Park Jin Hyuk', 'pak-jin-hyok', '1984-08-15'),
  P('Jin Hyok Pak', 'pak-jin-hyok'),
  P('Pak Kwang-jin', 'pak-jin-hyok'),
  P('Roman Semenov', '44718'),
  P('Semenov Roman', '44718', '1987-07-07'),
  P('Roman Semyonov', '44718', '1987-07-07'),
  P('Vitaliy Andreyev', '55065'),
  P('Vitaly Andreev', '55065'),
  P('Huihui Wu', '42496'),
  P('Wu Hui-hui', '42496'),
  E('Korea Osong Shipping Company', 'osong'),
  E('Osong Shipping Co. Ltd', 'osong'),
  E('Chonsurim Trading Corp', 'chonsurim'),
  E('Korea Chonsurim Trading', 'chonsurim'),
  E('Liaoning China Trade & Industry Co., Ltd', 'liaoning'),
  E('Jinyong IT Cooperation Co', 'chinyong'),
  E('Department 53', 'department-53'),
  E('Sobaeksu Trading Co', 'sobaeksu'),
  E('Lazarus Group', '27307'),
  E('Hidden Cobra', '27307'),
  E('Garantex Europe', '36025'),
  E('Blender io', '37070'),
  E('Cheil Credit Bank Ltd', '22985'),
];

/** Names that are not listed: common Korean names, near misses, homonyms born another day, ordinary companies. */
export const NEGATIVES: Case[] = [
  P('Kim Min-jun'),
  P('Lee Seo-yeon'),
  P('Park Ji-hoon'),
  P('Choi Yu-na'),
  P('Jung Ho-seok'),
  P('Kang Min-seo'),
  P('Kim Sang-min'),
  P('Jung In-su'),
  P('Yoon Ji-woo'),
  P('Han So-hee'),
  P('Kim Ji-hoon'),
  P('Lee Min-ho'),
  P('Park Seo-jun'),
  P('Kim Tae-hyung'),
  P('Jeon Jung-kook'),
  P('Kim Nam-joon'),
  P('Min Yoon-gi'),
  P('Jung Ho-yeon'),
  P('Son Heung-min'),
  P('Park Ji-sung'),
  P('Lee Jae-yong'),
  P('Kim Yu-na'),
  P('Son Ye-jin'),
  P('Sim Eun-kyung'),
  P('Pak Se-ri'),
  P('Jang Kyong-sik'),
  P('Son Kyong-ho'),
  P('Jung In-chul', undefined, '1990-06-11', 'KR'),
  P('Kim Sang-man', undefined, '1994-02-03', 'KR'),
  P('Park Jin-hyuk', undefined, '1999-12-01', 'KR'),
  P('John Smith'),
  P('Maria Garcia'),
  P('Roman Semenko'),
  P('Vitaly Andrews'),
  P('Wu Hui'),
  P('Li Wei'),
  P('Zhang Wei'),
  P('Romana Simonova'),
  P('Jin Park'),
  P('Chol Lee'),
  P('Hyun Kim'),
  P('Sophia Kim'),
  P('Daniel Son'),
  P('Grace Jung'),
  E('Korea Trading Co'),
  E('Osaka Shipping'),
  E('China Trade Corp'),
  E('Liaoning Seafood Import'),
  E('Acme Analytics Ltd'),
  E('Department of Labor'),
  E('Sobae Foods'),
  E('Lazarus Bakery'),
  E('Blender Studio'),
  E('Cheil Jedang'),
  E('Garant Logistics'),
  E('Korea Shipping Services'),
  E('Chosun Software'),
  E('Hyundai Merchant Marine'),
  E('Trade Industry Partners'),
];
