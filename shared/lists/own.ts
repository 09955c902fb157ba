/**
 * `table[key]` for a key read from a list file, where a plain lookup would reach
 * Object.prototype: a schema, element or currency named `constructor` must find nothing.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
