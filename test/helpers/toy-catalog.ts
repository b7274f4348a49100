import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalog, type Catalog } from '../../src/catalog/index.js';

/** One row of the toy movie catalog, as a JSON catalog would hold it. */
export interface ToyRow {
  id: string;
  title: string;
  year?: number;
  genres: string[];
  director?: string[];
  cast?: string[];
  description: string;
}

/** Twelve movies in four clear topics (space, bank crime, romance, animation); one has no year. */
export const toyRows: ToyRow[] = [
  {
    id: 'm1',
    title: 'Star Voyage',
    year: 1979,
    genres: ['Science Fiction', 'Adventure'],
    director: ['Ridley Scott'],
    description: 'astronauts explore outer space aboard a starship far from earth',
  },
  {
    id: 'm2',
    title: 'Moon Station',
    year: 2009,
    genres: ['Science Fiction', 'Drama'],
    director: ['Duncan Jones'],
    description: 'a lonely astronaut works on a lunar base in outer space',
  },
  {
    id: 'm3',
    title: 'Orbit',
    year: 2013,
    genres: ['Science Fiction', 'Thriller'],
    cast: ['Sandra Bullock'],
    description: 'astronauts stranded in orbit after debris destroys their space shuttle',
  },
  {
    id: 'm4',
    title: 'Heat',
    year: 1995,
    genres: ['Crime', 'Thriller'],
    director: ['Michael Mann'],
    cast: ['Al Pacino', 'Robert De Niro'],
    description: 'a detective hunts a crew of bank robbers in los angeles',
  },
  {
    id: 'm5',
    title: 'The Vault Job',
    year: 2001,
    genres: ['Crime'],
    cast: ['Robert De Niro'],
    description: 'aging bank robbers plan one last heist on a city bank',
  },
  {
    id: 'm6',
    title: 'Collateral',
    year: 2004,
    genres: ['Crime', 'Thriller'],
    director: ['Michael Mann'],
    cast: ['Tom Cruise'],
    description: 'a hitman forces a taxi driver through los angeles at night',
  },
  {
    id: 'm7',
    title: 'Paris Letters',
    year: 1999,
    genres: ['Romance', 'Drama'],
    cast: ['Juliette Binoche'],
    description: 'two strangers fall in love in paris by writing letters',
  },
  {
    id: 'm8',
    title: 'Summer Wedding',
    year: 2010,
    genres: ['Romance', 'Comedy'],
    cast: ['Emma Stone'],
    description: 'a chaotic summer wedding where the bridesmaid and the best man fall in love',
  },
  {
    id: 'm9',
    title: 'Roman Holiday Again',
    year: 2005,
    genres: ['Romance'],
    cast: ['Emma Stone'],
    description: 'a princess escapes her duties and falls in love with a reporter in rome',
  },
  {
    id: 'm10',
    title: 'Up',
    year: 2009,
    genres: ['Animation', 'Adventure'],
    director: ['Pete Docter'],
    description: 'an old man ties balloons to his house and flies to south america with a boy',
  },
  {
    id: 'm11',
    title: 'Ocean Friends',
    year: 2003,
    genres: ['Animation', 'Family'],
    director: ['Andrew Stanton'],
    description: 'a clownfish father crosses the ocean to find his son with a forgetful fish',
  },
  {
    id: 'm12',
    title: 'Jungle Song',
    genres: ['Animation', 'Family'],
    description: 'singing animals of the jungle help a lost fish cub find home',
  },
];

/** The toy rows as JSONL text. */
export function toyJsonl(rows: readonly object[] = toyRows): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** The toy catalog parsed in memory. */
export function toyCatalog(rows: readonly object[] = toyRows): Catalog {
  return parseCatalog(toyJsonl(rows), 'toy.jsonl');
}

/** A fresh temporary directory; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'convrec-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `text` to `name` inside `dir` and returns the path. */
export async function writeText(dir: string, name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}
