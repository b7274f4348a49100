import type { Catalog, CatalogItem } from '../catalog/index.js';
import { article } from './offline-reasons.js';
import { itemDescription } from '../ranking/candidate-cards.js';
import { promptText } from '../untrusted/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import { foldText } from '../text/tokenize.js';
import type { Constraints } from '../understanding/understanding-schema.js';

function joinWords(words: string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** Constraints in words: "from 2001 on, without horror". */
export function describeConstraints(constraints: Constraints): string {
  const parts: string[] = [];
  const { yearFrom, yearTo } = constraints;
  if (yearFrom !== null && yearTo !== null) parts.push(`from ${yearFrom} to ${yearTo}`);
  else if (yearFrom !== null) parts.push(`from ${yearFrom} on`);
  else if (yearTo !== null) parts.push(`up to ${yearTo}`);
  if (constraints.genres.length > 0) parts.push(`only ${joinWords(constraints.genres, 'or')}`);
  if (constraints.excludeGenres.length > 0) parts.push(`no ${joinWords(constraints.excludeGenres, 'or')}`);
  if (constraints.people.length > 0) parts.push(`with ${joinWords(constraints.people, 'or')}`);
  if (constraints.excludePeople.length > 0)
    parts.push(`without ${joinWords(constraints.excludePeople, 'or')}`);
  return parts.join(', ');
}

export interface RecommendReplyInput {
  count: number;
  intent: 'recommend' | 'refine';
  likedTitles: string[];
  genres: string[];
  constraints: Constraints;
  unknownTitles: string[];
  /** Audiences as a reply reads them ("young kids"). */
  audiences?: string[];
  /** What the user wanted less of, when no pick has it ("violent"). */
  lessOf?: string[];
  /** The shown item the user asked for more like. */
  referenced?: CatalogItem;
  /** Fewer than asked for are shown because no more of the genre asked for fit. */
  exhausted?: boolean;
  /** Nothing not shown before fits: these are earlier picks. */
  reshown?: boolean;
  /** Genres asked for that no pick has: nothing of them is left that fits. */
  outOfGenres?: string[];
}

/** Says which named titles the catalog does not have. */
export function unknownTitlesNote(titles: string[]): string[] {
  return titles.map(
    (title) =>
      `I couldn't find "${promptText(title, 80)}" in the catalog, so I went by the rest of your message.`,
  );
}

/** The offline reply introducing recommendations, or explaining why there are none. */
export function recommendReply(input: RecommendReplyInput): string {
  const notes = unknownTitlesNote(input.unknownTitles);
  if (input.outOfGenres && input.outOfGenres.length > 0 && input.count > 0)
    notes.push(
      `No more ${joinWords(input.outOfGenres.slice(0, 2))} picks fit, so these are close to the rest of your request.`,
    );
  if (input.reshown && input.count > 0)
    notes.push(`Nothing I haven't shown you already fits that, so these are earlier picks that do.`);
  if (input.count === 0) {
    const constraintText = describeConstraints(input.constraints);
    const relax = constraintText
      ? `Nothing in the catalog matches all of that (${constraintText}). Try loosening one of those, for example a wider year range.`
      : 'I found nothing in the catalog for that. Try naming a title you liked, a genre or a mood.';
    return [...notes, relax].join(' ');
  }
  const anchor = input.referenced
    ? ` like ${input.referenced.title}`
    : input.likedTitles.length > 0
      ? ` in the spirit of ${joinWords(input.likedTitles.slice(0, 2))}`
      : '';
  const genre = input.genres.length > 0 ? ` ${joinWords(input.genres.slice(0, 2))}` : '';
  const more = input.intent === 'refine' ? ' more' : '';
  const plural = input.count === 1 ? 'pick' : 'picks';
  const audience = input.audiences && input.audiences.length > 0 ? ` for ${joinWords(input.audiences)}` : '';
  const lead = `Here ${input.count === 1 ? 'is' : 'are'} ${input.count}${more}${genre} ${plural}${audience}${anchor}`;
  // Genres the lead already says ("5 horror picks", "for the whole family") are not said twice;
  // "only comedy or drama" stays whole unless the lead says both.
  const said = `${genre} ${audience}`.toLowerCase();
  const allSaid = input.constraints.genres.every((name) => said.includes(name.toLowerCase()));
  const constraintText = describeConstraints(
    allSaid ? { ...input.constraints, genres: [] } : input.constraints,
  );
  const less =
    input.lessOf && input.lessOf.length > 0
      ? `none of them described as ${joinWords(input.lessOf, 'or')}`
      : '';
  const tail = [constraintText, less].filter(Boolean).join(', ');
  const all = input.exhausted ? ` (all the catalog has that fit${input.count === 1 ? 's' : ''})` : '';
  return [...notes, `${lead}${tail ? `, ${tail}` : ''}${all}:`].join(' ');
}

/** The offline answer to "why the first?" / "tell me about X". */
export function itemReply(
  item: CatalogItem,
  catalog: Pick<Catalog, 'mapping'>,
  shownReason?: string,
): string {
  const facts: string[] = [];
  if (item.genres.length > 0) facts.push(item.genres.slice(0, 3).join(', '));
  if (item.people.length > 0) facts.push(`with ${item.people.slice(0, 3).join(', ')}`);
  const description = promptText(itemDescription(item, catalog), 320);
  const why = shownReason ? ` I suggested it because: ${shownReason.replace(/\.$/, '')}.` : '';
  return `${titleWithYear(item)}${facts.length > 0 ? ` — ${facts.join('; ')}` : ''}.${description ? ` ${description}` : ''}${why}`;
}

/** The offline reply to a greeting or a message with no request in it. */
export function chitChatReply(
  catalogSize: number,
  catalogKind: string,
  message = '',
  shownBefore = false,
): string {
  const words = ` ${foldText(message)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')} `;
  // "nah thats it, cheers", "bye!": the user is done.
  if (farewells.some((phrase) => words.includes(` ${phrase} `)))
    return `Enjoy! Come back any time you want more ideas.`;
  // "thanks!" after a list: welcome, and what they can do next.
  if (shownBefore && thanks.some((phrase) => words.includes(` ${phrase} `)))
    return `You're welcome! Tell me what to change, or ask for something new.`;
  // "lol ok", "brb" mid-conversation: no greeting, the request still stands.
  if (shownBefore)
    return `Sure. Say /more for more like these, tell me what to change, or ask about one of them.`;
  return `Hi! Tell me ${article(catalogKind)} you enjoyed, a genre or a mood, and I'll suggest a few from the ${catalogSize.toLocaleString('en-US')} in the catalog.`;
}

/** Words of signing off, as folded words: the user is done for now. */
const farewells = [
  'bye',
  'goodbye',
  'good night',
  'goodnight',
  'night night',
  'cya',
  'see you',
  'see ya',
  "that's it",
  'thats it',
  "that's all",
  'thats all',
  'all good',
  "i'm good",
  'im good',
  'all set',
  "i'm set",
  'im set',
  'have a good',
  'have a great',
  'have a nice',
];
/** Words of thanks. */
const thanks = ['thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'appreciate it', 'much appreciated'];
