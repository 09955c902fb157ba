import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '../scenario/index.ts';
import { snapshotToFtm } from './ftm.ts';

/** Where the saved inputs went, ready for `flowsentry scan --events ... --lists ...`. */
export interface SavedInputs {
  readonly events: string;
  readonly lists: readonly string[];
}

/**
 * Writes a scenario as files `flowsentry scan` reads: the events as JSONL (one envelope a
 * line) and each list as OpenSanctions FtM JSON lines under `lists/`, named after its source.
 */
export async function saveInputs(dir: string, scenario: Scenario): Promise<SavedInputs> {
  await mkdir(dir, { recursive: true });
  const events = join(dir, 'events.jsonl');
  await writeFile(events, `${scenario.events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  const lists: string[] = [];
  // The file stem becomes the list's name when loaded (`opensanctions:scenario-sdn`).
  await mkdir(join(dir, 'lists'), { recursive: true });
  for (const snapshot of scenario.lists) {
    const file = join(dir, 'lists', `${snapshot.version.source}.jsonl`);
    await writeFile(file, snapshotToFtm(snapshot));
    lists.push(file);
  }
  return { events, lists };
}
