import { describe, expect, it } from 'vitest';
import { CatalogLexicon, extendLexicon, movieLexicon, type Lexicon } from '../../src/lexicon/index.js';
import { EnglishAnalyzer, messageWords } from '../../src/nlp/index.js';
import { thrownBy } from '../helpers/errors.js';

const analyzer = new EnglishAnalyzer();
const boardGameGenres = new Set(['card game', 'cooperative', 'family', 'party', 'strategy']);

/** What a catalog with these genres reads in a message: genres and concepts, in order. */
function namedIn(lexicon: Lexicon, text: string): string[] {
  const bound = new CatalogLexicon(lexicon, boardGameGenres, analyzer);
  return bound.matcher
    .match(messageWords(analyzer.analyze(text)))
    .flatMap((match) => match.values)
    .flatMap((entry) =>
      entry.kind === 'genre'
        ? [`genre:${entry.genre}`]
        : entry.kind === 'concept'
          ? [`${entry.conceptKind}:${entry.id}${entry.opposite ? ':opposite' : ''}`]
          : [],
    );
}

const quick = {
  id: 'quick',
  kind: 'quality',
  description: 'A short game',
  terms: ['quick', 'filler'],
  oppositeTerms: ['long game'],
  effect: { preferWords: ['quick', 'fast'] },
} as const;

describe('extendLexicon', () => {
  const base = movieLexicon();

  it('adds genre terms to a genre the defaults know, and a genre they do not', () => {
    const extended = extendLexicon(base, {
      genres: { comedy: ['laugh riot'], 'card game': ['deck builder', 'deckbuilder'] },
    });

    expect(extended.genres.comedy).toEqual([...base.genres.comedy!, 'laugh riot']);
    expect(extended.genres['card game']).toEqual(['deck builder', 'deckbuilder']);
    expect(namedIn(base, 'a deck builder')).toEqual([]);
    expect(namedIn(extended, 'a deck builder')).toEqual(['genre:card game']);
    // The base is not changed.
    expect(movieLexicon().genres.comedy).toEqual(base.genres.comedy);
  });

  it('replaces a concept with the same id, in its place', () => {
    const kids = {
      id: 'kids',
      kind: 'audience',
      description: 'Children from about six',
      terms: ['kids', 'children', 'with my son'],
      effect: { requireGenres: ['family'], preferWords: ['children'] },
    } as const;

    const extended = extendLexicon(base, { concepts: [kids] });

    const ids = (lexicon: Lexicon) => lexicon.concepts.map((concept) => concept.id);
    expect(ids(extended)).toEqual(ids(base));
    const replaced = extended.concepts.find((concept) => concept.id === 'kids')!;
    expect(replaced.effect.preferGenres).toEqual([]);
    expect(replaced.effect.preferWords).toEqual(['children']);
    // The old concept's terms are gone with it.
    expect(namedIn(base, 'my daughter')).toEqual(['audience:kids']);
    expect(namedIn(extended, 'my daughter')).toEqual([]);
  });

  it('removes concepts by id and keeps the age table unless the extension gives one', () => {
    const extended = extendLexicon(base, { removeConcepts: ['date-night', 'long'] });

    expect(extended.concepts.map((concept) => concept.id)).not.toContain('date-night');
    expect(extended.concepts).toHaveLength(base.concepts.length - 2);
    expect(namedIn(base, 'for my wife')).toEqual(['audience:date-night']);
    expect(namedIn(extended, 'for my wife')).toEqual([]);
    expect(extended.audienceAges).toEqual(base.audienceAges);
    expect(extendLexicon(base, { audienceAges: [] }).audienceAges).toEqual([]);
  });

  it('adds a new concept, with its opposite terms and default effect fields', () => {
    const extended = extendLexicon(base, { removeConcepts: ['long'], concepts: [quick] });

    const added = extended.concepts.at(-1)!;
    expect(added).toMatchObject({ id: 'quick', kind: 'quality', weakTerms: [] });
    expect(added.effect).toMatchObject({ requireGenres: [], preferWords: ['quick', 'fast'] });
    expect(namedIn(extended, 'a quick filler')).toEqual(['quality:quick', 'quality:quick']);
    expect(namedIn(extended, 'a long game')).toEqual(['quality:quick:opposite']);
    expect(namedIn(base, 'a quick filler')).not.toContain('quality:quick');
  });

  it('names the file and the field of a bad extension', async () => {
    const source = { file: 'board-games.mapping.json', field: 'lexicon' };
    const wrongType = await thrownBy(() =>
      extendLexicon(base, { concepts: [{ ...quick, effect: { preferGenres: 'strategy' } }] }, source),
    );
    expect(wrongType.code).toBe('CONFIG_INVALID');
    expect(wrongType.message).toMatch(
      /^board-games\.mapping\.json: field "lexicon\.concepts\.0\.effect\.preferGenres" .*expected array/,
    );

    const unknown = await thrownBy(() => extendLexicon(base, { concept: [quick] }, source));
    expect(unknown.message).toBe('board-games.mapping.json: field "lexicon.concept" is not a known field');

    const badId = await thrownBy(() => extendLexicon(base, { concepts: [{ ...quick, id: 'Quick Game' }] }));
    expect(badId.code).toBe('CONFIG_INVALID');
    expect(badId.message).toMatch(/^lexicon: field "concepts\.0\.id" lower-case letters, digits and hyphens/);
  });
});
