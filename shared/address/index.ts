export { type ChainFamily, EVM_CHAIN_IDS, familyOf } from './chains.ts';
export {
  addressKeyOrUndefined,
  guessChain,
  InvalidAddressError,
  type NormalizedAddress,
  normalizeAddress,
} from './normalize.ts';
