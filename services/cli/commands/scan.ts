import { extname } from 'node:path';
import type { Command } from 'commander';
import { quietOnClosedPipe, runScan, SCAN_FORMATS, type ScanFormat } from '../embedded/index.ts';
import { UsageError } from '../usage-error.ts';

/** Options of `flowsentry scan` as commander hands them over. */
interface ScanFlags {
  readonly events: string[];
  readonly lists?: string[];
  readonly rules?: string;
  readonly out?: string;
  readonly format?: string;
  readonly strict?: boolean;
}

/** --format, else what --out's extension says, else a table on a terminal and JSON lines in a pipe. */
function formatFor(flags: ScanFlags, stdoutIsTty: boolean): ScanFormat {
  if (flags.format !== undefined) {
    if (!(SCAN_FORMATS as readonly string[]).includes(flags.format))
      throw new UsageError(
        `scan: --format must be one of ${SCAN_FORMATS.join(', ')}, got ${JSON.stringify(flags.format)}`,
      );
    return flags.format as ScanFormat;
  }
  const ext = flags.out ? extname(flags.out).toLowerCase() : '';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt') return 'table';
  if (flags.out && flags.out !== '-') return 'json';
  return stdoutIsTty ? 'table' : 'json';
}

async function scan(flags: ScanFlags): Promise<void> {
  quietOnClosedPipe(process.stdout);
  process.exitCode = await runScan(
    {
      events: flags.events,
      lists: flags.lists ?? [],
      ...(flags.rules !== undefined ? { rules: flags.rules } : {}),
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      format: formatFor(flags, process.stdout.isTTY === true),
      strict: flags.strict === true,
    },
    { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env },
  );
}

/** Registers `flowsentry scan --events FILE... [--lists FILE...] [--rules FILE] [--out FILE] [--format json|table|html]`. */
export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('screen event files (JSONL envelopes or payouts CSV exports) in one process')
    .requiredOption(
      '--events <files...>',
      'JSONL event files or payouts CSV exports (gzip or not); - reads standard input',
    )
    .option(
      '--lists <files...>',
      'list files in any supported format (default: the active versions)',
    )
    .option(
      '--rules <file>',
      'rule thresholds (YAML, see docs/rules.md; default: FLOWSENTRY_RULES)',
    )
    .option('--out <file>', 'write the alerts or the report here instead of stdout')
    .option(
      '--format <format>',
      `${SCAN_FORMATS.join(' | ')} (default: from --out, else table on a terminal, json in a pipe)`,
    )
    .option('--strict', 'exit 2 when any input line was refused')
    .action(scan);
}
