/** Every Redis key and channel of the list repository, built in one place from one prefix. */
export class ListKeys {
  constructor(readonly prefix: string) {}

  /** String: one version's snapshot JSON. */
  version(id: string): string {
    return `${this.prefix}:lists:version:${id}`;
  }

  /** Hash: version id -> version JSON (the listing, without the entries). */
  get versions(): string {
    return `${this.prefix}:lists:versions`;
  }

  /** Hash: source -> active version id. */
  get active(): string {
    return `${this.prefix}:lists:active`;
  }

  /** Pub/sub channel announcing "source version-id" on each switch, so screeners reload. */
  get activated(): string {
    return `${this.prefix}:lists:activated`;
  }
}
