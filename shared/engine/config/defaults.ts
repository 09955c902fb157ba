import type { Static, TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The configuration a schema gives when nothing is set: every default filled in. */
export function defaultsOf<S extends TObject>(schema: S): Static<S> {
  const value = Value.Default(schema, {});
  if (!Value.Check(schema, value))
    throw new Error(`schema defaults do not validate: ${schema.$id ?? 'rule config'}`);
  return value;
}
