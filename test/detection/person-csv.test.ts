import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadListFile } from '../../shared/lists/index.ts';
import { isoBirthDate, sniffPersonCsv } from '../../shared/lists/loaders/person-csv.ts';
import { tempDir } from '../cli/embedded/helpers.ts';

const dir = tempDir('persons');

describe('a CSV table of persons', () => {
  it('is told from the wallet CSV by its header', () => {
    expect(sniffPersonCsv('Name,Aliases,Date of Birth,Nationality,Program,Source\n')).toBe(true);
    expect(sniffPersonCsv('full_name,dob\n')).toBe(true);
    expect(sniffPersonCsv('address,chain,label,category,source\n')).toBe(false);
    expect(sniffPersonCsv('name,label\n')).toBe(false);
  });

  it('reads the ways watch lists write a date of birth', () => {
    expect(
      [
        '1978-04-22',
        '1978/4/2',
        '22 Apr 1978',
        'April 22, 1978',
        '22.04.1978',
        '1978',
        '1978-04',
      ].map(isoBirthDate),
    ).toEqual([
      '1978-04-22',
      '1978-04-02',
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978',
      '1978-04',
    ]);
    expect(isoBirthDate('sometime in the seventies')).toBeUndefined();
  });

  it('loads one entry a person, several values a cell, and warns about a date it cannot read', async () => {
    const file = join(dir, 'internal-watch.csv');
    writeFileSync(
      file,
      'name,aka,dob,citizenship,program,reference\n' +
        'Jong In Chol,Chong In-chol; In Chol Jong,22 Apr 1978,KP,DPRK3|DPRK4,press release\n' +
        'Pak Jin Hyok,,circa 1984,North Korea,CYBER2,\n',
    );
    const warnings: string[] = [];
    const list = await loadListFile(file, { warn: (m) => warnings.push(m) });
    expect(list.version.format).toBe('person-csv');
    expect(list.version.id).toMatch(/^csv:internal-watch@/);
    const [jong, pak] = list.entries;
    expect(jong).toMatchObject({
      name: 'Jong In Chol',
      aliases: ['Chong In-chol', 'In Chol Jong'],
      kind: 'person',
      category: 'sanctions',
      datesOfBirth: ['1978-04-22'],
      nationalities: ['KP'],
      programs: ['DPRK3', 'DPRK4'],
    });
    expect(pak?.datesOfBirth ?? []).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('"circa 1984" not understood')]);
  });

  it('refuses a row without a name, saying where', async () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'name,dob\nJong In Chol,1978\n,1980\n');
    await expect(loadListFile(file)).rejects.toThrow(/line 3.*without a name/);
  });
});
