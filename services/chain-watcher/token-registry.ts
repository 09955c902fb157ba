import { AbiCoder } from 'ethers';
import type { Logger } from '../../shared/log/logger.ts';
import type { StateStore } from '../../shared/ports/state-store/index.ts';
import type { ChainSource } from './chain-source.ts';
import { CallRevertedError, RpcError } from './errors.ts';
import type { TokenInfo } from './transfers.ts';

const DECIMALS = '0x313ce567';
const SYMBOL = '0x95d89b41';
const coder = AbiCoder.defaultAbiCoder();

/** Why a view call gave nothing usable; transient node trouble is rethrown instead. */
class UnusableAnswer extends Error {}

function decodeDecimals(raw: string): number {
  if (raw.length < 66) throw new UnusableAnswer('decimals() returned no word');
  const value = BigInt(raw.slice(0, 66));
  // The contract schema caps decimals at 36; beyond that no amount would be readable anyway.
  if (value > 36n) throw new UnusableAnswer(`decimals() = ${value}`);
  return Number(value);
}

/** symbol() as an ABI string, or as bytes32 (MKR, SAI and other early tokens). */
function decodeSymbol(raw: string): string {
  let text: string;
  try {
    text = coder.decode(['string'], raw)[0] as string;
  } catch {
    if (raw.length !== 66) throw new UnusableAnswer('symbol() is neither string nor bytes32');
    text = Buffer.from(raw.slice(2), 'hex').toString('utf8');
  }
  // Symbols are attacker-chosen text: keep printable characters and the schema's length.
  const clean = text
    .replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '')
    .trim()
    .slice(0, 32);
  if (!clean) throw new UnusableAnswer('symbol() is empty');
  return clean;
}

/**
 * Decimals and symbol of token contracts, read once per contract via eth_call and cached
 * in memory and in the state store. A contract whose decimals() fails is marked and
 * followed with decimals 0 and symbol UNKNOWN rather than stopping the chain.
 */
export class TokenRegistry {
  private readonly known = new Map<string, TokenInfo>();

  constructor(
    private readonly source: ChainSource,
    private readonly store: StateStore,
    private readonly keyPrefix: string,
    private readonly logger?: Logger,
  ) {}

  /** Info for every contract named (lowercase addresses). */
  async resolve(contracts: Iterable<string>): Promise<Map<string, TokenInfo>> {
    const wanted = [...new Set(contracts)];
    const missing = wanted.filter((c) => !this.known.has(c));
    if (missing.length > 0) await this.load(missing);
    return new Map(wanted.map((c) => [c, this.known.get(c)!]));
  }

  private async load(contracts: readonly string[]): Promise<void> {
    const stored = await this.store.getMany(contracts.map((c) => this.key(c)));
    const unread: string[] = [];
    contracts.forEach((c, i) => {
      const raw = stored[i];
      if (raw) this.known.set(c, JSON.parse(raw) as TokenInfo);
      else unread.push(c);
    });
    const infos = await Promise.all(unread.map((c) => this.read(c)));
    for (const info of infos) {
      this.known.set(info.contract, info);
      await this.store.set(this.key(info.contract), JSON.stringify(info));
    }
  }

  private key(contract: string): string {
    return `${this.keyPrefix}token:${contract}`;
  }

  private async read(contract: string): Promise<TokenInfo> {
    const decimals = await this.view(contract, DECIMALS, decodeDecimals);
    const symbol = await this.view(contract, SYMBOL, decodeSymbol);
    if (decimals === undefined) {
      this.logger?.warn(
        { chain: this.source.chain, contract },
        'decimals() failed; amounts in base units',
      );
    }
    return {
      contract,
      decimals: decimals ?? 0,
      symbol: symbol ?? 'UNKNOWN',
      decimalsUnknown: decimals === undefined,
    };
  }

  /** One view call; undefined when the contract refuses or answers nonsense. */
  private async view<T>(
    contract: string,
    data: string,
    decode: (raw: string) => T,
  ): Promise<T | undefined> {
    try {
      return decode(await this.source.call(contract, data));
    } catch (error) {
      if (error instanceof UnusableAnswer || error instanceof CallRevertedError) return undefined;
      // A node that fails to run a view (rather than the contract refusing) is transient.
      if (error instanceof RpcError && error.retryable) throw error;
      if (error instanceof RpcError) return undefined;
      throw error;
    }
  }
}
