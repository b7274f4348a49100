import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/index.js';
import { demoCatalogPath } from '../../src/cli/paths.js';
import {
  claimVocabulary,
  FaithfulnessTally,
  unsupportedClaims,
  type ClaimVocabulary,
} from '../../src/eval/faithfulness/index.js';
import { TitleResolver } from '../../src/titles/index.js';

let catalog: Catalog;
let titles: TitleResolver;
let vocabulary: ClaimVocabulary;

beforeAll(async () => {
  catalog = await loadCatalog(demoCatalogPath());
  titles = new TitleResolver(catalog);
  vocabulary = claimVocabulary(catalog);
});

/** Claims of a reason for Heat (1995; crime, thriller, action; Michael Mann, Al Pacino, Robert De Niro). */
function claimsForHeat(reason: string, dialogue = ['I loved The Godfather, something with a heist?']) {
  const heat = catalog.byId.get('m0001')!;
  const godfather = catalog.byId.get('m0002')!;
  return unsupportedClaims(
    reason,
    { item: heat, dialogue, dialogueItems: [godfather], catalogTitled: (text) => titles.exactItems(text) },
    vocabulary,
  );
}

describe('explanation faithfulness', () => {
  it('accepts a reason that names only the item’s genres, year, people and a title from the dialogue', () => {
    expect(
      claimsForHeat('A crime thriller from 1995 with Al Pacino, close to The Godfather in story and tone.'),
    ).toEqual([]);
    expect(claimsForHeat('Thrillers of the 90s do not get better; Michael Mann directs.')).toEqual([]);
    // Words quoted back from the user claim nothing about the item.
    expect(claimsForHeat('An action film matching "heist".')).toEqual([]);
  });

  it('counts an invented genre as unsupported', () => {
    expect(claimsForHeat('A heartfelt romantic comedy with Al Pacino.')).toEqual([
      { kind: 'genre', text: 'romantic' },
      { kind: 'genre', text: 'comedy' },
    ]);
  });

  it('counts an invented year or decade as unsupported, but not one the dialogue used', () => {
    expect(claimsForHeat('A crime film from 1987.')).toEqual([{ kind: 'year', text: '1987' }]);
    expect(claimsForHeat('An 80s action classic.')).toEqual([{ kind: 'year', text: '80s' }]);
    // The Godfather (1972) is in the dialogue: its year may be named.
    expect(claimsForHeat('Like The Godfather (1972), a crime saga.')).toEqual([]);
    expect(claimsForHeat('A crime film, not from 1987 as you feared.', ['anything but 1987 please'])).toEqual(
      [],
    );
  });

  it('counts a person the item does not credit as unsupported, a catalog name or an invented one', () => {
    expect(claimsForHeat('A crime thriller with Marlon Brando.')).toEqual([
      { kind: 'person', text: 'Marlon Brando' },
    ]);
    expect(claimsForHeat('A crime thriller starring Brad Pittsworth.')).toEqual([
      { kind: 'title', text: 'Brad Pittsworth' },
    ]);
  });

  it('counts a title neither the item’s nor the dialogue’s as unsupported', () => {
    expect(claimsForHeat('A crime thriller close to Alien in tone.')).toEqual([
      { kind: 'title', text: 'Alien' },
    ]);
  });

  it('tallies the share of reasons with no unsupported claim, with examples', () => {
    const tally = new FaithfulnessTally(catalog, titles);
    tally.add(
      't1',
      ['I loved The Godfather'],
      [
        { itemId: 'm0001', reason: 'A crime thriller from 1995 with Al Pacino.' },
        { itemId: 'm0005', reason: 'A sci-fi horror film from 1979.' },
        { itemId: 'm0005', reason: 'A sci-fi musical from 1979.' },
        { itemId: 'm0001', reason: '' },
      ],
    );
    const report = tally.report();
    expect(report).toMatchObject({
      reasons: 3,
      faithful: 2,
      unsupported: { genre: 1, person: 0, year: 0, title: 0 },
    });
    expect(report.share).toBeCloseTo(2 / 3, 12);
    expect(report.examples).toEqual([
      {
        turnId: 't1',
        itemId: 'm0005',
        reason: 'A sci-fi musical from 1979.',
        claims: [{ kind: 'genre', text: 'musical' }],
      },
    ]);
  });

  it('keeps examples of every kind of unsupported claim, not only the first ones', () => {
    const tally = new FaithfulnessTally(catalog, titles);
    const invented = Array.from({ length: 5 }, () => ({ itemId: 'm0005', reason: 'A sci-fi musical.' }));
    tally.add('t1', ['hi'], [...invented, { itemId: 'm0005', reason: 'A sci-fi horror film from 1984.' }]);
    const kinds = tally.report().examples.map((example) => example.claims[0]!.kind);
    expect(kinds).toEqual(['genre', 'genre', 'genre', 'year']);
  });
});
