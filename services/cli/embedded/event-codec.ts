import { deserialize, serialize } from 'node:v8';
import type { NormalizedEvent, WalletRole } from '../../../shared/normalize/index.ts';

// Decoded events cross from the reading thread to the screening thread in a compact form.
// Structured clone writes every key of every object again and the receiver adds them one
// by one, which costs the screening thread about as much as JSON.parse. The events of a
// history have a handful of shapes (the same keys in the same order), so each shape crosses
// once; the reading thread checks and flattens events with a function compiled for their
// shape, and the screening thread rebuilds them with another, made of object literals, so
// V8 builds each object with its final layout at once. Key order is kept exactly. Strings
// the engine keeps and events repeat (wallets, worker ids, chains, assets) cross once and are
// shared: JSON.parse on this thread would have shared the short ones, a clone shares none.

/** An object's keys in order, each a plain value (`v`), a shared string (`s`) or a nested object. */
export type ShapeNode = readonly (readonly [key: string, inner: ShapeNode | 'v' | 's'])[];

/** One shape of a normalized event: its envelope, whether `at` is occurredAt, and its wallet count. */
export interface EventShape {
  readonly envelope: ShapeNode;
  readonly atIsOccurredAt: boolean;
  readonly wallets: number;
}

/** What one batch of events becomes on the way across. */
export interface EncodedEvents {
  /** Shape id of each event in order; -1: the event is the next one of `whole`. */
  readonly shapes: Int32Array;
  /**
   * The plain values of every event, in order: those of each `PART` events serialized
   * together (v8.serialize of an array), one part after the other, each ending where
   * `valueEnds` says. They wait outside the heap and become strings when their events are built.
   */
  readonly values: Uint8Array;
  readonly valueEnds: Int32Array;
  /**
   * The shared-string ids and wallet roles of every event, in order: numbers in a typed
   * array cross as one block of memory, in an array each is read on its own (most of an
   * event's values are such numbers).
   */
  readonly numbers: Int32Array;
  /** Shared strings first used in this batch, with ids following the ones before. */
  readonly strings: string[];
  /** Forget every shared string first (the table was full). */
  readonly resetStrings: boolean;
  /** Shapes first used in this batch, with ids following the ones before. */
  readonly newShapes: EventShape[];
  /** Events of no shape (arrays, unusual keys): cloned whole. */
  readonly whole: NormalizedEvent[];
}

const ROLES: readonly WalletRole[] = ['to', 'from', 'payout-wallet', 'reported'];
/** Events whose plain values are serialized together, and deserialized together when built. */
const PART = 1_000;
/** Distinct shapes compiled at most; events of further shapes are cloned whole. */
const SHAPE_LIMIT = 256;
/** Distinct shared strings before the table starts over (bounds memory on both threads). */
const STRING_LIMIT = 200_000;

/** Which envelope leaves are shared, by path; nested rules for objects. */
interface ShareRule {
  readonly share: boolean;
  readonly children?: Readonly<Record<string, ShareRule>>;
}
const shared: ShareRule = { share: true };
const SHARED: ShareRule = {
  share: false,
  children: {
    type: shared,
    source: shared,
    data: {
      share: false,
      children: {
        chain: shared,
        workerId: shared,
        employerId: shared,
        // Wallet addresses as written: a history's transfers and payouts repeat a few
        // thousand of them (in the bench history, 29,000 senders over 172,000 transfers).
        from: shared,
        to: shared,
        fromAddress: shared,
        toAddress: shared,
        asset: { share: true, children: { symbol: shared, contract: shared } },
      },
    },
  },
};
const PLAIN: ShareRule = { share: false };
const ruleOf = (r: ShareRule, key: string) =>
  (r.children && Object.hasOwn(r.children, key) ? r.children[key] : undefined) ?? PLAIN;

type Share = (s: string) => number;
type Match = (e: NormalizedEvent, values: unknown[], numbers: number[], share: Share) => boolean;

/** Reading side: turns normalized events into `EncodedEvents` batches. */
export class EventEncoder {
  /** Shape ids by event type, the last one matched first. */
  private readonly byType = new Map<string, number[]>();
  private readonly matchers: Match[] = [];
  private readonly stringIds = new Map<string, number>();
  private batch = fresh(false);
  /** The plain values of the current part. */
  private values: unknown[] = [];
  private readonly stringLimit: number;
  private readonly share: Share = (str) => {
    let id = this.stringIds.get(str);
    if (id === undefined) {
      id = this.stringIds.size;
      this.stringIds.set(str, id);
      this.batch.strings.push(str);
    }
    return id;
  };

  constructor(options: { stringLimit?: number } = {}) {
    this.stringLimit = options.stringLimit ?? STRING_LIMIT;
  }

  /** Adds one event to the current batch. */
  add(event: NormalizedEvent): void {
    const id = this.shapeOf(event);
    this.batch.shapes.push(id);
    if (id < 0) this.batch.whole.push(event);
    // Where it can be read again, after the values of its shape (a whole event carries its own).
    else this.values.push(event.ref);
    if (this.batch.shapes.length % PART === 0) this.cut();
  }

  /** The batch so far; the next one starts empty. */
  take(): EncodedEvents {
    const b = this.batch;
    if (b.shapes.length % PART !== 0) this.cut();
    // Only between batches: ids within one always name the same strings.
    const full = this.stringIds.size >= this.stringLimit;
    if (full) this.stringIds.clear();
    this.batch = fresh(full);
    const { parts, ...rest } = b;
    const valueEnds = new Int32Array(parts.length);
    const values = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const [i, p] of parts.entries()) {
      values.set(p, at);
      at += p.length;
      valueEnds[i] = at;
    }
    const shapes = Int32Array.from(b.shapes);
    return { ...rest, shapes, values, valueEnds, numbers: Int32Array.from(b.numbers) };
  }

  /** Serializes the current part's values. */
  private cut(): void {
    this.batch.parts.push(serialize(this.values));
    this.values = [];
  }

  /** Flattens the event with the matcher of its shape (compiled on first sight); -1 when it has none. */
  private shapeOf(e: NormalizedEvent): number {
    const ids = this.byType.get(e.envelope.type) ?? [];
    for (let i = 0; i < ids.length; i++) {
      if (!this.matchers[ids[i]!]!(e, this.values, this.batch.numbers, this.share)) continue;
      if (i > 0) ids.unshift(...ids.splice(i, 1));
      return ids[0]!;
    }
    const shape = this.matchers.length < SHAPE_LIMIT ? describe(e) : undefined;
    if (!shape) return -1;
    const id = this.matchers.length;
    this.matchers.push(compileMatcher(shape));
    this.batch.newShapes.push(shape);
    this.byType.set(e.envelope.type, [id, ...ids]);
    this.matchers[id]!(e, this.values, this.batch.numbers, this.share);
    return id;
  }
}

function fresh(resetStrings: boolean) {
  return {
    shapes: [] as number[],
    parts: [] as Buffer[],
    numbers: [] as number[],
    strings: [] as string[],
    resetStrings,
    newShapes: [] as EventShape[],
    whole: [] as NormalizedEvent[],
  };
}

/** The shape of an event, or undefined when it has arrays, a `__proto__` key or an unknown role. */
function describe(e: NormalizedEvent): EventShape | undefined {
  const node = (o: object, rule: ShareRule): ShapeNode | undefined => {
    const out: [string, ShapeNode | 'v' | 's'][] = [];
    for (const [key, v] of Object.entries(o)) {
      // An own `__proto__` key would set the prototype in a compiled literal.
      if (key === '__proto__' || Array.isArray(v)) return undefined;
      const r = ruleOf(rule, key);
      const inner =
        v !== null && typeof v === 'object'
          ? node(v, r)
          : r.share && typeof v === 'string'
            ? 's'
            : 'v';
      if (inner === undefined) return undefined;
      out.push([key, inner]);
    }
    return out;
  };
  const envelope = node(e.envelope, SHARED);
  if (!envelope || e.wallets.some((w) => !ROLES.includes(w.role))) return undefined;
  return { envelope, atIsOccurredAt: e.at === e.envelope.occurredAt, wallets: e.wallets.length };
}

/** Walks a shape's objects and leaves in the order both compiled functions use. */
function walk(
  node: ShapeNode,
  path: string,
  onObject: (path: string, node: ShapeNode) => void,
  onLeaf: (path: string, shared: boolean) => void,
): void {
  onObject(path, node);
  for (const [key, inner] of node) {
    const at = `${path}[${JSON.stringify(key)}]`;
    if (typeof inner === 'string') onLeaf(at, inner === 's');
    else walk(inner, at, onObject, onLeaf);
  }
}

/**
 * Compiles the reading side's check of one shape: the same keys in the same order at every
 * level, plain values where the shape has them, strings where it shares them; then pushes
 * the values. Keys are quoted with JSON.stringify, so no input can inject code.
 */
function compileMatcher(shape: EventShape): Match {
  const keys: string[][] = [];
  const checks: string[] = [];
  const leaves: string[] = [];
  const numbers: string[] = [];
  walk(
    shape.envelope,
    'o0',
    (path, node) => {
      keys.push(node.map(([k]) => k));
      const own = `same(Object.keys(o), K[${keys.length - 1}])`;
      checks.push(
        path === 'o0'
          ? `(o = o0, ${own})`
          : `(o = ${path}) !== null && typeof o === 'object' && !Array.isArray(o) && ${own}`,
      );
    },
    (path, isShared) => {
      checks.push(
        isShared
          ? `typeof ${path} === 'string'`
          : `(typeof ${path} !== 'object' || ${path} === null)`,
      );
      if (isShared) numbers.push(`S(${path})`);
      else leaves.push(path);
    },
  );
  checks.push(`e.wallets.length === ${shape.wallets}`);
  checks.push(`(e.at === o0.occurredAt) === ${shape.atIsOccurredAt}`);
  if (!shape.atIsOccurredAt) leaves.push('e.at');
  for (let w = 0; w < shape.wallets; w++) {
    const p = `e.wallets[${w}]`;
    checks.push(`ROLES.indexOf(${p}.role) >= 0`);
    numbers.push(`ROLES.indexOf(${p}.role)`, `S(${p}.chain)`, `S(${p}.key)`, `S(${p}.address)`);
  }
  const body = `
    const same = (a, b) => {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    };
    return function match(e, v, d, S) {
      const o0 = e.envelope;
      let o;
      if (!(${checks.join(' &&\n')})) return false;
      v.push(${leaves.join(', ')});
      d.push(${numbers.join(', ')});
      return true;
    };`;
  return new Function('K', 'ROLES', body)(keys, ROLES) as Match;
}

/**
 * Builds one event of a shape from the values at `at` and the numbers at `numberAt`; `s`:
 * shared strings; `m` holds the last event time.
 */
type Build = (
  values: unknown[],
  at: number,
  numbers: Int32Array,
  numberAt: number,
  s: string[],
  m: { at: string },
) => NormalizedEvent;

/** One shape's builder and how many values and numbers each of its events takes. */
interface Builder {
  readonly build: Build;
  readonly width: number;
  readonly numbers: number;
}

/**
 * The events of one encoded batch, built a few at a time when asked for: an event built
 * just before it is screened dies young, while a whole reply's events built on arrival
 * (thousands, waiting behind the ones screened first) outlive a young-generation collection
 * or two and are copied, then promoted, then collected again in the old generation. For
 * the same reason the plain values (ids, hashes, times: strings) of each part are
 * deserialized only when its first event is built.
 */
export class DecodedBatch {
  private next = 0;
  /** The plain values of the part being built, and where the next event's start. */
  private values: unknown[] = [];
  private at = 0;
  private numberAt = 0;
  private whole = 0;

  constructor(
    private readonly batch: EncodedEvents,
    private readonly builders: readonly Builder[],
    /** The shared strings as they were for this batch (a later reset starts a new table). */
    private readonly strings: string[],
    private readonly last: { at: string },
  ) {}

  /** Events in the batch. */
  get count(): number {
    return this.batch.shapes.length;
  }

  /** Events not taken yet. */
  get left(): number {
    return this.count - this.next;
  }

  /** The next `max` events (fewer at the end). */
  take(max: number): NormalizedEvent[] {
    const { shapes, numbers, whole } = this.batch;
    const n = Math.min(max, this.left);
    const out = new Array<NormalizedEvent>(n);
    for (let k = 0; k < n; k++) {
      const i = this.next++;
      if (i % PART === 0) this.load(i / PART);
      const id = shapes[i]!;
      if (id < 0) {
        out[k] = whole[this.whole++]!;
        continue;
      }
      const b = this.builders[id]!;
      out[k] = b.build(this.values, this.at, numbers, this.numberAt, this.strings, this.last);
      this.at += b.width;
      this.numberAt += b.numbers;
    }
    return out;
  }

  /** Deserializes the plain values of one part. */
  private load(part: number): void {
    const { values, valueEnds } = this.batch;
    const start = part === 0 ? 0 : valueEnds[part - 1]!;
    this.values = deserialize(values.subarray(start, valueEnds[part])) as unknown[];
    this.at = 0;
  }
}

/** Screening side: rebuilds the events of encoded batches, in the order they were encoded. */
export class EventDecoder {
  private readonly builders: Builder[] = [];
  private strings: string[] = [];
  // Events in time order often share their time: the engine keeps it for each wallet an
  // event touches, so one string serves them all.
  private readonly last = { at: '' };

  /**
   * Takes in one batch's new strings and shapes (batches must arrive in the order they were
   * taken) and returns its events to build later, in order.
   */
  prepare(batch: EncodedEvents): DecodedBatch {
    if (batch.resetStrings) this.strings = [];
    for (const str of batch.strings) this.strings.push(str);
    for (const shape of batch.newShapes) this.builders.push(compileBuilder(shape));
    return new DecodedBatch(batch, this.builders, this.strings, this.last);
  }

  /** The events of one batch, all built at once. */
  decode(batch: EncodedEvents): NormalizedEvent[] {
    const events = this.prepare(batch);
    return events.take(events.count);
  }
}

/** Compiles the screening side's builder of one shape: object literals over the values. */
function compileBuilder(shape: EventShape): Builder {
  let n = 0;
  let k = 0;
  const value = () => `v[c + ${n++}]`;
  const number = () => `d[b + ${k++}]`;
  const sharedValue = () => `s[${number()}]`;
  const time = () => `(m.at === (t = ${value()}) ? m.at : (m.at = t))`;
  const object = (node: ShapeNode, root: boolean): string =>
    `{${node
      .map(([k, inner]) => {
        const v =
          typeof inner !== 'string'
            ? object(inner, false)
            : inner === 's'
              ? sharedValue()
              : root && k === 'occurredAt'
                ? time()
                : value();
        return `${JSON.stringify(k)}: ${v}`;
      })
      .join(', ')}}`;
  const envelope = object(shape.envelope, true);
  const at = shape.atIsOccurredAt ? 'e.occurredAt' : time();
  const wallets: string[] = [];
  for (let w = 0; w < shape.wallets; w++)
    wallets.push(
      `{ role: ROLES[${number()}], chain: ${sharedValue()}, key: ${sharedValue()}, address: ${sharedValue()} }`,
    );
  const ref = value();
  const body = `return function build(v, c, d, b, s, m) {
    let t;
    const e = ${envelope};
    return { envelope: e, at: ${at}, wallets: [${wallets.join(', ')}], ref: ${ref} };
  };`;
  const build = new Function('ROLES', body)(ROLES) as Build;
  return { build, width: n, numbers: k };
}
