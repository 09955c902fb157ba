export { type ChainFamily, EVM_CHAIN_IDS, familyOf } from './chains.ts';
export {
  addressKeyOrUndefined,
  guessChain,
  hasAddressRules,
  InvalidAddressError,
  type NormalizedAddress,
  normalizeAddress,
} from './normalize.ts';
export { mayBeAddressOf } from './shape.ts';
