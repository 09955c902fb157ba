import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { InvalidAddressError } from '../../../shared/address/index.ts';
import {
  AddressScreen,
  type CheckResult,
  checkText,
  type ListSnapshot,
  listsConfig,
  loadListFiles,
  NoListsError,
  openListRepository,
  TagIndex,
} from '../../../shared/lists/index.ts';
import { jsonForTerminal } from '../../../shared/log/terminal.ts';
import { UsageError } from '../usage-error.ts';

/** Options of `flowsentry check`. */
export interface CheckOptions {
  readonly lists?: readonly string[];
  readonly json?: boolean;
  readonly redis?: boolean;
}

/** The streams a command uses, so tests can run it in-process. */
export interface CommandIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Registers `flowsentry check [--lists FILE...] [--json] ADDRESS...` (or `-` for stdin). */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('screen wallet addresses against the sanctions and intel lists (exit 1 on a hit)')
    .argument(
      '[addresses...]',
      'addresses, bare or as chain:address; "-" reads them from stdin, one a line',
    )
    .option('--lists <files...>', 'screen against these list files instead of the active versions')
    .option('--json', 'one JSON line per address (the default when stdout is not a terminal)')
    .option('--redis', 'read the active versions from Redis (as FLOWSENTRY_LISTS=redis)')
    .action(async (addresses: string[], options: CheckOptions) => {
      const io: CommandIo = {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
        env: process.env,
      };
      process.exitCode = await runCheck(addresses, options, io);
    });
}

/** Runs a check and returns its exit code: 0 nothing hit, 1 something hit, 2 bad input. */
export async function runCheck(
  addresses: readonly string[],
  options: CheckOptions,
  io: CommandIo,
): Promise<number> {
  // `--lists a.xml 0xabc`: the variadic option takes the address too; give it back.
  const lists = (options.lists ?? []).filter((f) => existsSync(f) || /[./\\]/.test(f));
  const inputs = [...(options.lists ?? []).filter((f) => !lists.includes(f)), ...addresses];
  if (inputs.length === 0)
    throw new UsageError('check: give at least one address, or - to read them from stdin');
  const screen = new AddressScreen(new TagIndex(await snapshotsFor(lists, options, io)));
  const out = new LineWriter(io.stdout);
  const json = options.json === true || !io.stdout.isTTY;
  let hit = false;
  let bad = false;
  for await (const { address, where } of addressesOf(inputs, io.stdin)) {
    let result: CheckResult;
    try {
      result = screen.screen(address);
    } catch (e) {
      if (!(e instanceof InvalidAddressError)) throw e;
      bad = true;
      io.stderr.write(`flowsentry: check: ${where}${e.message}\n`);
      continue;
    }
    hit ||= result.hit;
    await out.line(json ? jsonForTerminal(JSON.stringify(result)) : checkText(result));
  }
  await out.flush();
  return bad ? 2 : hit ? 1 : 0;
}

async function snapshotsFor(
  lists: readonly string[],
  options: CheckOptions,
  io: CommandIo,
): Promise<ListSnapshot[]> {
  if (lists.length > 0) {
    const missing = lists.find((f) => !existsSync(f));
    if (missing) throw new UsageError(`check: no such list file: ${missing}`);
    return loadListFiles(lists, { warn: (m) => io.stderr.write(`flowsentry: warning: ${m}\n`) });
  }
  const repo = await openListRepository(listsConfig(io.env), options.redis === true || undefined);
  try {
    const active = await repo.active();
    if (active.length === 0) {
      throw new NoListsError(
        'check: no list is loaded; run `flowsentry lists import FILE` or pass --lists FILE',
      );
    }
    return active;
  } finally {
    await repo.close();
  }
}

async function* addressesOf(
  inputs: readonly string[],
  stdin: Readable,
): AsyncIterable<{ address: string; where: string }> {
  for (const input of inputs) {
    if (input !== '-') {
      yield { address: input, where: '' };
      continue;
    }
    let lineNo = 0;
    for await (const line of createInterface({
      input: stdin,
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      lineNo++;
      const text = line.trim();
      if (text && !text.startsWith('#')) yield { address: text, where: `stdin line ${lineNo}: ` };
    }
  }
}

/** Buffers output lines and writes them in blocks, waiting when the pipe is full. */
class LineWriter {
  private lines: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async line(text: string): Promise<void> {
    this.lines.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const ok = this.out.write(`${this.lines.join('\n')}\n`);
    this.lines = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
  }
}
