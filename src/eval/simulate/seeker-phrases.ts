import type { SeededRandom } from './seeded-random.js';

/** How a person would say a decade: 1995 → "90s", 2004 → "2000s", 1950 → "50s". */
export function decadeWords(year: number): string {
  const decade = Math.floor(year / 10) * 10;
  return decade >= 2000 || decade < 1930 ? `${decade}s` : `${String(decade).slice(2)}s`;
}

/** Fills `{name}` slots of a template picked at random; `{a}` is "a" or "an" before `{genre}`. */
export function phrase(
  random: SeededRandom,
  templates: readonly string[],
  values: Record<string, string> = {},
): string {
  const article = /^[aeiou]/i.test(values.genre ?? '') ? 'an' : 'a';
  return random
    .pick(templates)
    .replace(/\{(\w+)\}/g, (_, name: string) => (name === 'a' ? article : (values[name] ?? '')));
}

/** Opening requests; `{genre}` and `{era}` may be empty. */
export const openers = [
  "Hi! I'm looking for {a} {genre} movie{era}.",
  'hey, can you recommend a good {genre} film{era}?',
  "Hello, I'm in the mood for {a} {genre} movie{era}",
  'any {genre} movies{era} you would suggest?',
  'I want to watch {a} {genre} movie{era} tonight, any ideas?',
] as const;

/** Openings without a genre. */
export const plainOpeners = [
  "Hi, I'm looking for a movie{era}.",
  'hey, can you suggest something to watch{era}?',
  'Hello! I need a good movie{era}',
] as const;

export const eraParts = [' from the {decade}', ' from around the {decade}', ', something {decade}'] as const;

export const likedParts = [
  ' I really liked {title}.',
  ' Something like {title} would be great.',
  ' I loved {title}',
  ' I enjoyed {title} a lot.',
] as const;

export const rejections = [
  'Hmm, not those.',
  'no, not really what I want.',
  "I've seen those already.",
  'Not those, sorry.',
  "nah, those aren't it.",
] as const;

export const likes = [
  'I liked the {ordinal} one, something like that?',
  'the {ordinal} one looks close, more like it please',
  'Oh I liked the {ordinal} one. Anything else like it?',
  'I enjoyed the {ordinal} one, but I have seen it. Similar ones?',
] as const;

export const older = [
  'something older?',
  'maybe something older',
  'Do you have anything older?',
  'older ones please',
] as const;
export const newer = [
  'something newer?',
  'maybe something more recent',
  'anything newer?',
  'newer ones please',
] as const;

export const withPerson = [
  'something with {person}?',
  'Maybe one with {person}',
  "I'd like something with {person} in it.",
  'how about a movie with {person}?',
] as const;

export const morePlot = [
  'more {word} please',
  'something with more {word}?',
  'I want more {word}',
  'more about {word} maybe',
] as const;

export const moreGenre = [
  'maybe a {genre} one?',
  'something more {genre}',
  'I was thinking {genre}',
  'more {genre} please',
] as const;

export const moreEra = [
  'maybe from the {decade}?',
  'something from the {decade}',
  'preferably from the {decade}',
] as const;

export const fallbacks = ['something else please', 'any other ideas?', 'Show me different ones'] as const;

const ordinals = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "second" for position 2, "#12" past ten. */
export function ordinal(position: number): string {
  return ordinals[position - 1] ?? `#${position}`;
}
