export { addressKey, emailKey, handleKey, phoneKey } from './contacts.ts';
export {
  type Corroboration,
  compareBirthDates,
  compareNationality,
  countryCode,
  type IdentityQuery,
  type MatchWeights,
  matchEntity,
  matchPerson,
  type PersonMatch,
} from './match.ts';
export { type NameCandidate, NameIndex } from './name-index.ts';
export {
  blockingKeys,
  entitySimilarity,
  entityTokens,
  personKeys,
} from './names.ts';
export { syllableKey, syllables, wordKeys } from './romanize.ts';
export { foldText, jaroWinkler, words } from './text.ts';
