import { foldText } from '../text/tokenize.js';

const synonyms: Record<string, string[]> = {
  horror: [
    'horror',
    'horrors',
    'scary',
    'scarier',
    'creepier',
    'scare',
    'scares',
    'creepy',
    'frightening',
    'spooky',
    'slasher',
    'gore',
    'haunted',
  ],
  comedy: [
    'comedy',
    'comedies',
    'funny',
    'funnier',
    'hilarious',
    'laugh',
    'laughs',
    'humor',
    'humour',
    'silly',
    'goofy',
  ],
  romance: [
    'romance',
    'romantic',
    'romcom',
    'rom com',
    'love story',
    'chick flick',
    'chick flicks',
    'date night',
  ],
  animation: ['animation', 'animated', 'cartoon', 'cartoons', 'pixar', 'anime'],
  family: ['family', 'kids', 'kid', 'children', 'childrens', 'child'],
  'sci-fi': ['sci fi', 'scifi', 'science fiction', 'space', 'aliens', 'futuristic', 'sci-fi'],
  action: ['action', 'explosions', 'fight', 'fighting', 'martial arts', 'superhero', 'superheroes'],
  thriller: ['thriller', 'thrillers', 'suspense', 'suspenseful', 'psychological', 'twist', 'twists'],
  drama: ['drama', 'dramas', 'dramatic', 'tearjerker', 'emotional'],
  documentary: ['documentary', 'documentaries', 'docs', 'true story'],
  musical: ['musical', 'musicals', 'singing'],
  war: ['war', 'military', 'soldiers', 'wwii'],
  western: ['western', 'westerns', 'cowboy', 'cowboys'],
  mystery: ['mystery', 'mysteries', 'detective', 'whodunit', 'murder mystery'],
  fantasy: ['fantasy', 'magic', 'magical', 'wizards', 'dragons', 'fairy tale'],
  crime: ['crime', 'gangster', 'gangsters', 'heist', 'mob', 'mafia', 'cops', 'police'],
  adventure: ['adventure', 'adventures', 'quest'],
  biography: ['biography', 'biopic', 'biopics'],
  history: ['history', 'historical', 'period piece'],
  sport: ['sport', 'sports', 'football', 'baseball', 'basketball', 'boxing'],
};

/**
 * Genres a text asks for, limited to the genres the catalog has ("something scary" → horror).
 * Matching is on whole words of the folded text.
 */
export function genreHints(text: string, catalogGenres: ReadonlySet<string>): string[] {
  const padded = ` ${foldText(text).replace(/[^a-z0-9-]+/g, ' ')} `;
  const out: string[] = [];
  for (const [genre, words] of Object.entries(synonyms)) {
    const target = catalogGenres.has(genre)
      ? genre
      : genre === 'sport' && catalogGenres.has('sports')
        ? 'sports'
        : undefined;
    if (target && words.some((word) => padded.includes(` ${word} `))) out.push(target);
  }
  for (const genre of catalogGenres) {
    if (!out.includes(genre) && genre.length > 3 && padded.includes(` ${genre} `)) out.push(genre);
  }
  return out;
}
