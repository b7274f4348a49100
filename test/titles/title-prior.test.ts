import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/index.js';
import { TitleResolver } from '../../src/titles/index.js';
import { toyCatalog, toyJsonl } from '../helpers/toy-catalog.js';

/** Two films called Heat, the obscure one first in the catalog, as in ReDial. */
const rows = [
  { id: 'heat06', title: 'Heat (2006)', genres: ['drama'], cast: ['Johnny Delgado', 'Angel Aquino'] },
  {
    id: 'heat95',
    title: 'Heat (1995)',
    genres: ['crime'],
    director: ['Michael Mann'],
    cast: ['Al Pacino', 'Robert De Niro'],
  },
  {
    id: 'gf2',
    title: 'The Godfather Part II (1974)',
    genres: ['crime'],
    cast: ['Al Pacino', 'Robert De Niro'],
  },
  { id: 'collateral', title: 'Collateral (2004)', genres: ['crime'], director: ['Michael Mann'] },
  { id: 'casino', title: 'Casino (1995)', genres: ['crime'], cast: ['Robert De Niro'] },
];

describe('title prior without a log', () => {
  it('resolves a shared title to the item whose people the catalog knows best, not the first one', () => {
    const titles = new TitleResolver(toyCatalog(rows));
    expect(titles.resolve('Heat')[0]!.item.id).toBe('heat95');
    expect(titles.exactItems('heat')!.map((item) => item.id)).toEqual(['heat95', 'heat06']);
    expect(titles.findMentions('I loved Heat, what else?').map((mention) => mention.item.id)).toEqual([
      'heat95',
    ]);
    // A typed year still wins over the prior.
    expect(titles.resolve('Heat 2006')[0]!.item.id).toBe('heat06');
  });

  it('lets the log decide when it has counts, the prior only breaking its ties', () => {
    const catalog = toyCatalog(rows);
    expect(new TitleResolver(catalog, (id) => (id === 'heat06' ? 3 : 1)).resolve('Heat')[0]!.item.id).toBe(
      'heat06',
    );
    expect(new TitleResolver(catalog, () => 2).resolve('Heat')[0]!.item.id).toBe('heat95');
  });

  it('ranks by a popularity field the mapping lists, above people', () => {
    // Heat (1995) first in the catalog and known by its people; the votes say the other.
    const [heat06, heat95, ...others] = rows;
    const voted = [heat95!, heat06!, ...others].map((row) => ({
      ...row,
      votes: row.id === 'heat06' ? 900 : 12,
    }));
    const catalog = parseCatalog(toyJsonl(voted), 'voted.jsonl', { mapping: { numbers: ['votes'] } });
    expect(new TitleResolver(catalog).resolve('Heat')[0]!.item.id).toBe('heat06');
  });

  it('falls back to how much an item is described when no people tell them apart', () => {
    const bare = [
      { id: 'short', title: 'Ring', genres: [], description: 'A ring.' },
      {
        id: 'long',
        title: 'Ring',
        genres: ['horror'],
        description: 'A cursed videotape kills whoever watches it within seven days.',
      },
    ];
    expect(new TitleResolver(toyCatalog(bare)).resolve('Ring')[0]!.item.id).toBe('long');
  });
});
