import { type Logger, pino } from 'pino';

/**
 * Payroll data is personal data: these fields are redacted wherever they appear in a log
 * line (top level, inside `data`, inside an event, a worker or a request).
 */
const PERSONAL_FIELDS = [
  'legalName',
  'aliases',
  'dateOfBirth',
  'emails',
  'phones',
  'messengers',
  'residentialAddress',
  'bankAccountHashes',
  'devices',
  'contacts',
];
const SECRET_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  'apiTokens',
];

function redactPaths(): string[] {
  const nests = [
    '',
    'data.',
    '*.',
    '*.data.',
    'event.data.',
    'worker.',
    'body.',
    'req.body.',
    'req.body.data.',
  ];
  return [...nests.flatMap((n) => PERSONAL_FIELDS.map((f) => `${n}${f}`)), ...SECRET_PATHS];
}

/** The process logger: JSON lines on stderr with personal fields and secrets redacted. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redactPaths(), censor: '[redacted]' },
      base: { service: name },
    },
    pino.destination(2),
  );
}

export type { Logger };
