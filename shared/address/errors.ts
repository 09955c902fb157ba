/** Why an address was refused, for dead-letter reasons, CLI messages and 400 answers. */
export class InvalidAddressError extends Error {
  readonly code = 'INVALID_ADDRESS';
  constructor(
    readonly chain: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`invalid ${chain} address ${JSON.stringify(address)}: ${reason}`);
  }
}

/** A rule an address breaks; the caller names the chain and the address. */
export class AddressRuleError extends Error {}

/** Runs a decoder and turns whatever it throws into an AddressRuleError with `reason`. */
export function attempt<T>(fn: () => T, reason: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AddressRuleError) throw e;
    throw new AddressRuleError(`${reason}${e instanceof Error ? ` (${e.message})` : ''}`);
  }
}

/** Throws an AddressRuleError with `reason` unless `ok`. */
export function ensure(ok: boolean, reason: string): asserts ok {
  if (!ok) throw new AddressRuleError(reason);
}
