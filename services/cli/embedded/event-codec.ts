import type { NormalizedEvent } from '../../../shared/normalize/index.ts';

// Decoded events cross from the reading thread to the screening thread in a compact form.
// Structured clone writes every key of every object again and the receiver rebuilds them one
// by one, which costs the screening thread as much as JSON.parse. Events of a history have a
// handful of shapes (the same keys, in the same order), so each shape crosses once and is
// compiled into a function that builds the event from its values alone; strings that events
// repeat (types, chains, wallets, timestamps) cross once and are shared by every event.

/** The kind of one leaf of a shape: a plain value, or the id of a shared string. */
type Leaf = 'v' | 's';
/** An object's keys in order, each with its leaf kind or nested object. */
export type ShapeNode = readonly (readonly [key: string, kind: Leaf | ShapeNode])[];

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
  /** Leaf values and string ids of every event, in order. */
  readonly values: unknown[];
  /** Strings first used in this batch, with ids following the ones before. */
  readonly strings: string[];
  /** Forget every shared string first (the table was full). */
  readonly resetStrings: boolean;
  /** Shapes first used in this batch, with ids following the ones before. */
  readonly newShapes: EventShape[];
  /** Events of no shape (arrays, unusual keys): cloned whole. */
  readonly whole: NormalizedEvent[];
}

/** Which string leaves are shared, by their path in the envelope; nested rules for objects. */
interface ShareRule {
  readonly share: boolean;
  readonly children?: ReadonlyMap<string, ShareRule>;
}

const leaf: ShareRule = { share: true };
const rule = (share: boolean, children: Record<string, ShareRule>): ShareRule => ({
  share,
  children: new Map(Object.entries(children)),
});
/** The strings events repeat: types, chains, wallets, assets, parties and times. */
const SHARED = rule(false, {
  type: leaf,
  source: leaf,
  occurredAt: leaf,
  data: rule(false, {
    chain: leaf,
    from: leaf,
    to: leaf,
    toAddress: leaf,
    fromAddress: leaf,
    workerId: leaf,
    employerId: leaf,
    timestamp: leaf,
    asset: rule(true, { symbol: leaf, contract: leaf }),
  }),
});

/** Distinct shared strings before the table starts over (bounds memory on both sides). */
const STRING_LIMIT = 500_000;
/** Distinct shapes compiled at most; events of further shapes are cloned whole. */
const SHAPE_LIMIT = 256;
const NONE: ShareRule = { share: false };

/** Reading side: turns normalized events into an `EncodedEvents` batch. */
export class EventEncoder {
  private readonly stringIds = new Map<string, number>();
  private readonly shapeIds = new Map<string, number>();
  private batch = this.fresh(false);
  private readonly stringLimit: number;

  constructor(options: { stringLimit?: number } = {}) {
    this.stringLimit = options.stringLimit ?? STRING_LIMIT;
  }

  /** Adds one event to the current batch. */
  add(event: NormalizedEvent): void {
    const mark = this.batch.values.length;
    const signature = this.signature(event);
    if (signature === undefined) {
      this.batch.values.length = mark;
      this.batch.shapes.push(-1);
      this.batch.whole.push(event);
      return;
    }
    let id = this.shapeIds.get(signature);
    if (id === undefined && this.shapeIds.size < SHAPE_LIMIT) {
      id = this.shapeIds.size;
      this.shapeIds.set(signature, id);
      this.batch.newShapes.push(describe(event));
    }
    if (id === undefined) {
      this.batch.values.length = mark;
      this.batch.whole.push(event);
    }
    this.batch.shapes.push(id ?? -1);
  }

  /** The batch so far; the next one starts empty. */
  take(): EncodedEvents {
    const b = this.batch;
    const full = this.stringIds.size >= this.stringLimit;
    if (full) this.stringIds.clear();
    this.batch = this.fresh(full);
    return { ...b, shapes: Int32Array.from(b.shapes) };
  }

  private fresh(resetStrings: boolean) {
    return {
      shapes: [] as number[],
      values: [] as unknown[],
      strings: [] as string[],
      resetStrings,
      newShapes: [] as EventShape[],
      whole: [] as NormalizedEvent[],
    };
  }

  private shared(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.stringIds.size;
      this.stringIds.set(s, id);
      this.batch.strings.push(s);
    }
    return id;
  }

  /** Pushes the event's values and returns its shape's signature; undefined when it has no shape. */
  private signature(e: NormalizedEvent): string | undefined {
    const envelope = this.node(e.envelope as unknown as Record<string, unknown>, SHARED);
    if (envelope === undefined) return undefined;
    const same = e.at === e.envelope.occurredAt;
    if (!same) this.batch.values.push(this.shared(e.at));
    for (const w of e.wallets)
      this.batch.values.push(
        this.shared(w.role),
        this.shared(w.chain),
        this.shared(w.key),
        this.shared(w.address),
      );
    return `${envelope}${same ? '=' : '@'}${e.wallets.length}`;
  }

  private node(o: Record<string, unknown>, rules: ShareRule): string | undefined {
    let sig = '{';
    for (const key in o) {
      // An own `__proto__` key would set the prototype in a compiled literal.
      if (key === '__proto__' || !Object.hasOwn(o, key)) return undefined;
      const v = o[key];
      const r = rules.children?.get(key) ?? NONE;
      if (v !== null && typeof v === 'object') {
        if (Array.isArray(v)) return undefined;
        const inner = this.node(v as Record<string, unknown>, r);
        if (inner === undefined) return undefined;
        sig += `${JSON.stringify(key)}:${inner},`;
      } else if (r.share && typeof v === 'string') {
        this.batch.values.push(this.shared(v));
        sig += `${JSON.stringify(key)}:s,`;
      } else {
        this.batch.values.push(v);
        sig += `${JSON.stringify(key)}:v,`;
      }
    }
    return `${sig}}`;
  }
}

/** The shape of an event the encoder just took apart the same way. */
function describe(e: NormalizedEvent): EventShape {
  const node = (o: Record<string, unknown>, rules: ShareRule): ShapeNode =>
    Object.keys(o).map((key) => {
      const v = o[key];
      const r = rules.children?.get(key) ?? NONE;
      if (v !== null && typeof v === 'object')
        return [key, node(v as Record<string, unknown>, r)] as const;
      return [key, r.share && typeof v === 'string' ? 's' : 'v'] as const;
    });
  return {
    envelope: node(e.envelope as unknown as Record<string, unknown>, SHARED),
    atIsOccurredAt: e.at === e.envelope.occurredAt,
    wallets: e.wallets.length,
  };
}

/** Builds one event of a shape from the values at `at`; `strings` are the shared strings. */
type Build = (values: unknown[], at: number, strings: string[]) => NormalizedEvent;

/** Screening side: rebuilds the events of encoded batches, in the order they were encoded. */
export class EventDecoder {
  private readonly strings: string[] = [];
  private readonly builders: { build: Build; width: number }[] = [];

  /** The events of one batch (batches must be decoded in the order they were taken). */
  decode(batch: EncodedEvents): NormalizedEvent[] {
    if (batch.resetStrings) this.strings.length = 0;
    for (const s of batch.strings) this.strings.push(s);
    for (const shape of batch.newShapes) this.builders.push(compile(shape));
    const out = new Array<NormalizedEvent>(batch.shapes.length);
    let at = 0;
    let whole = 0;
    for (let i = 0; i < batch.shapes.length; i++) {
      const id = batch.shapes[i]!;
      if (id < 0) {
        out[i] = batch.whole[whole++]!;
        continue;
      }
      const b = this.builders[id]!;
      out[i] = b.build(batch.values, at, this.strings);
      at += b.width;
    }
    return out;
  }
}

/**
 * Compiles a shape into a function made of object literals: V8 builds each event with its
 * final hidden class at once. Keys are JSON string literals, so no input can inject code;
 * `__proto__` never reaches a shape.
 */
function compile(shape: EventShape): { build: Build; width: number } {
  let n = 0;
  const value = (kind: Leaf) => (kind === 's' ? `s[v[c + ${n++}]]` : `v[c + ${n++}]`);
  const object = (node: ShapeNode): string =>
    `{${node.map(([k, kind]) => `${JSON.stringify(k)}: ${typeof kind === 'string' ? value(kind) : object(kind)}`).join(', ')}}`;
  const envelope = object(shape.envelope);
  const at = shape.atIsOccurredAt ? 'e.occurredAt' : value('s');
  const wallets: string[] = [];
  for (let w = 0; w < shape.wallets; w++)
    wallets.push(
      `{ role: ${value('s')}, chain: ${value('s')}, key: ${value('s')}, address: ${value('s')} }`,
    );
  const body = `const e = ${envelope};\nreturn { envelope: e, at: ${at}, wallets: [${wallets.join(', ')}] };`;
  const build = new Function('v', 'c', 's', body) as Build;
  return { build, width: n };
}
