import type { Catalog, CatalogItem } from '../../catalog/index.js';
import { tokenize } from '../../text/tokenize.js';
import type { TitleResolver } from '../../titles/index.js';
import { namesTarget } from './leak-check.js';
import type { ContextMessage } from './seeker.js';

/** What a seeker knows about its target and may talk about. */
export interface TargetAttributes {
  genres: string[];
  year?: number;
  /** People of the target (director, cast, ...), at most four, in field order. */
  people: string[];
  /** Telling words of the target's description, none from its title or people, in order. */
  plotWords: string[];
  /** Other items the seeker named in the original dialogue (titles that do not name the target). */
  likedTitles: CatalogItem[];
}

/** Description words too plain to ask for ("more young", "more becomes"). */
const plainWords = new Set(
  (
    'about after again against along among another around becomes before being between cannot comes ' +
    'during every finds first gets goes into later little makes never other others over takes their ' +
    'there these things those three through under until where which while whose with without world ' +
    'years young after finds himself herself itself themselves story tells follows discovers decides ' +
    'begins tries must when becomes'
  ).split(' '),
);

function descriptionText(item: CatalogItem, catalog: Catalog): string {
  const fields = catalog.mapping.text.length > 0 ? catalog.mapping.text : ['description', 'plot'];
  return fields
    .map((field) => item.fields[field])
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
}

/** The item's people, actors first: "with <an actor>" is how people narrow. */
function peopleByRole(item: CatalogItem, catalog: Catalog): string[] {
  const fields = [...catalog.mapping.people].sort(
    (left, right) => Number(/cast|star|actor/i.test(right)) - Number(/cast|star|actor/i.test(left)),
  );
  const people = fields.flatMap((field) => {
    const value = item.fields[field];
    return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  });
  return [...new Set([...people, ...item.people])];
}

/** The target's attributes a seeker may mention, without anything that names it. */
export function targetAttributes(
  target: CatalogItem,
  catalog: Catalog,
  context: ContextMessage[],
  titles: TitleResolver,
): TargetAttributes {
  const excluded = new Set([
    ...tokenize(target.title),
    ...target.people.flatMap((person) => tokenize(person)),
  ]);
  const plotWords: string[] = [];
  for (const word of tokenize(descriptionText(target, catalog))) {
    // Past participles and adverbs ("hearted", "mistaken", "slowly") make odd requests ("more slowly").
    if (word.length < 5 || /\d|(?:ed|en|ly)$/.test(word) || excluded.has(word) || plainWords.has(word))
      continue;
    if (!plotWords.includes(word)) plotWords.push(word);
  }
  const liked = new Map<string, CatalogItem>();
  for (const message of context) {
    if (message.role !== 'user') continue;
    for (const mention of titles.findMentions(message.text)) {
      if (mention.item.id === target.id || namesTarget(mention.item.title, target, titles)) continue;
      liked.set(mention.item.id, mention.item);
    }
  }
  return {
    genres: target.genres,
    ...(target.year === undefined ? {} : { year: target.year }),
    people: peopleByRole(target, catalog).slice(0, 4),
    plotWords: plotWords.slice(0, 8),
    likedTitles: [...liked.values()],
  };
}
