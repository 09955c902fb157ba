export { EVM_CHAIN_IDS, familyOf, type ChainFamily } from './chains.ts';
export {
  addressKeyOrUndefined,
  guessChain,
  InvalidAddressError,
  normalizeAddress,
  type NormalizedAddress,
} from './normalize.ts';
