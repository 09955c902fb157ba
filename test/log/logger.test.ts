import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The logger writes to stderr (fd 2); run it in a child process and read what it wrote.
const script = `
import { createLogger } from './shared/log/logger.ts';
const log = createLogger('t');
log.info({ data: { workerId: 'w-1', legalName: 'Jong In Chol', emails: ['a@b.kp'], phones: ['+850 1'] } }, 'worker');
log.info({ event: { data: { legalName: 'Jong In Chol' } }, req: { headers: { authorization: 'Bearer sekrit' } } }, 'req');
`;

describe('logger', () => {
  it('redacts personal fields and secrets and keeps the rest', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].data.workerId).toBe('w-1');
    expect(run.stderr).not.toMatch(/Jong In Chol|a@b\.kp|\+850|sekrit/);
    expect(lines[0].data.legalName).toBe('[redacted]');
  });
});
