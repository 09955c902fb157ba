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

describe('a persons table as compliance teams export it', () => {
  const load = async (name: string, text: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const warnings: string[] = [];
    const list = await loadListFile(file, { warn: (m) => warnings.push(m) });
    return { list, warnings };
  };
  const jong = {
    name: 'Jong In Chol',
    aliases: ['Chong In-chol', 'In Chol Jong'],
    datesOfBirth: ['1978-04-22'],
    nationalities: ['KP'],
  };

  it.each([
    [
      'semicolons (a European spreadsheet)',
      'Name;Aliases;Date of Birth;Nationality\nJong In Chol;Chong In-chol | In Chol Jong;22.04.1978;KP\n',
    ],
    [
      'tabs',
      'Full Name\tAKA\tDOB\tCitizenship\nJong In Chol\tChong In-chol;In Chol Jong\t1978-04-22\tKP\n',
    ],
    [
      'a byte order mark',
      '\ufeffname,aliases,dob,nationality\nJong In Chol,"Chong In-chol; In Chol Jong",1978-04-22,KP\n',
    ],
    [
      'columns in another order, headers in capitals',
      'NATIONALITY,D.O.B.,ALIAS(ES),NAME\nKP,22/04/1978,"Chong In-chol|In Chol Jong",Jong In Chol\n',
    ],
    [
      'given and family name in columns of their own',
      'Last Name,First Name,Also Known As,Birth Date,Nationality\nJong,In Chol,"Chong In-chol; In Chol Jong",04/22/1978,KP\n',
    ],
    [
      'CRLF line ends and a US date',
      'Name,Aliases,Date of Birth,Nationality\r\nJong In Chol,"Chong In-chol; In Chol Jong","April 22 1978",KP\r\n',
    ],
  ])('reads %s', async (_label, text) => {
    const { list, warnings } = await load(`t-${_label.replace(/\W+/g, '-')}.csv`, text);
    expect(list.version.format).toBe('person-csv');
    expect(list.entries).toEqual([expect.objectContaining(jong)]);
    expect(warnings).toEqual([]);
  });

  it('reads aliases spread over numbered columns', async () => {
    const { list } = await load(
      'numbered.csv',
      'Name,Alias 1,Alias 2,AKA3,DOB\nJong In Chol,Chong In-chol,,In Chol Jong,1978-04-22\n',
    );
    expect(list.entries[0]?.aliases).toEqual(['Chong In-chol', 'In Chol Jong']);
  });

  it('keeps a name with a comma whole when it is quoted, and loads a table without optional columns', async () => {
    const { list } = await load(
      'quoted.csv',
      'name,dob\n"JONG, In Chol",1978\nPak Jin Hyok,1984-08-03\n',
    );
    expect(list.entries.map((e) => [e.name, e.datesOfBirth])).toEqual([
      ['JONG, In Chol', ['1978']],
      ['Pak Jin Hyok', ['1984-08-03']],
    ]);
  });

  it('reads dates as watch lists write them, and only the year of a date it cannot tell day from month in', () => {
    expect(
      [
        '22-04-1978',
        '22/04/1978',
        '04/22/1978',
        '22-Apr-1978',
        '1978.04.22',
        '19780422',
        '22 April 1978',
        '05/06/1978',
      ].map(isoBirthDate),
    ).toEqual([
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978-04-22',
      '1978',
    ]);
  });

  it('is not mistaken for a table of wallets, and a table of something else is refused', () => {
    expect(sniffPersonCsv('Name;Aliases;Date of Birth\n')).toBe(true);
    expect(sniffPersonCsv('Last Name\tFirst Name\tDOB\n')).toBe(true);
    expect(sniffPersonCsv('\ufeffName,DOB\n')).toBe(true);
    expect(sniffPersonCsv('name;wallet;address\n')).toBe(false);
    expect(sniffPersonCsv('invoice;amount;date\n')).toBe(false);
  });
});
