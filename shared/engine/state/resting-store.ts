/**
 * Where records at rest wait (compact strings, `record-codec.ts`), by key. A plain
 * `Map<string, string>` is one (embedded mode: everything in the heap); `FileRestingStore`
 * is another (the screener: values and keys in a scratch file, only a hashed index in
 * memory).
 */
export interface RestingStore {
  get(key: string): string | undefined;
  set(key: string, packed: string): unknown;
  has(key: string): boolean;
  delete(key: string): boolean;
  clear(): void;
  readonly size: number;
}
