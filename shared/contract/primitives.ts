import { Type } from '@sinclair/typebox';

/** Lowercase chain name: `ethereum`, `polygon`, `tron`, `bitcoin`, ... */
export const Chain = Type.String({
  pattern: '^[a-z][a-z0-9-]{1,31}$',
  description: 'lowercase chain name',
});

/** A non-negative decimal amount carried as a string so no precision is lost. */
export const Amount = Type.String({
  pattern: '^[0-9]{1,78}(\\.[0-9]{1,36})?$',
  description: 'non-negative decimal string',
});

/** RFC 3339 timestamp with a zone (Z or an offset). */
export const Timestamp = Type.String({
  pattern:
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$',
  description: 'RFC 3339 timestamp',
});

/** A non-empty identifier of bounded length. */
export const Id = Type.String({ minLength: 1, maxLength: 200 });

/** A wallet address as sent; normalized per chain family after validation. */
export const AddressText = Type.String({ minLength: 20, maxLength: 120 });

/** A wallet on a named chain. */
export const WalletRef = Type.Object({ chain: Chain, address: AddressText });

/** ISO 3166-1 alpha-2 country code. */
export const Country = Type.String({ pattern: '^[A-Z]{2}$' });
