import type { CatalogItem } from '../catalog/index.js';
import { matchesStem } from '../lexicon/index.js';
import { itemDescription } from '../ranking/candidate-cards.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { Candidate, Retriever } from '../retrieval/index.js';
import { foldText, tokenize } from '../text/tokenize.js';

export interface ReasonContext {
  retriever: Retriever;
  /** Items the user likes, most important first (at most the first three are used). */
  liked: CatalogItem[];
  preferredGenres: string[];
  preferredPeople: string[];
  yearFrom: number | null;
  yearTo: number | null;
  /** The user's topic words for the request in force (plot, mood), already cleaned. */
  userText: string;
  /** Words the user wants less of: an item is never said to match them. */
  avoidWords?: string[];
  /** What the catalog holds, singular ("movie"). */
  catalogKind?: string;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "a thriller", "an item". */
export function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/**
 * Template explanations for offline mode. Every clause is checked against the item itself: a genre
 * is named only if the item has it, a person only if the item names them, a liked title only if the
 * item is among its content or co-occurrence neighbours.
 */
export class OfflineReasonWriter {
  private readonly anchors: { item: CatalogItem; content: Set<string>; collaborative: Set<string> }[];
  private readonly words: string[];

  constructor(private readonly context: ReasonContext) {
    this.anchors = context.liked.slice(0, 3).map((item) => ({
      item,
      content: new Set(context.retriever.contentNeighbours(item.id, 60)),
      collaborative: new Set(context.retriever.collaborativeNeighbours(item.id, 60)),
    }));
    const avoid = context.avoidWords ?? [];
    this.words = [...new Set(tokenize(context.userText))].filter(
      (word) => word.length > 3 && !avoid.some((stem) => matchesStem(word, stem)),
    );
  }

  /** One sentence on why this candidate fits. */
  reason(candidate: Candidate): string {
    const { item } = candidate;
    const { preferredGenres, preferredPeople, yearFrom, yearTo } = this.context;
    const clauses: string[] = [];
    const anchor = this.anchors.find(
      (entry) => entry.collaborative.has(item.id) || entry.content.has(item.id),
    );
    const wantedGenres = new Set(
      [...preferredGenres, ...(anchor?.item.genres ?? [])].map((genre) => foldText(genre)),
    );
    const genres = item.genres.filter((genre) => wantedGenres.has(foldText(genre))).slice(0, 2);
    const shownGenres = genres.length > 0 ? genres : item.genres.slice(0, 2);
    const kind = this.context.catalogKind ?? 'title';
    let head = shownGenres.length > 0 ? article(`${joinWords(shownGenres)} ${kind}`) : titleWithYear(item);
    if (shownGenres.length > 0 && item.year !== undefined) {
      head += yearFrom !== null || yearTo !== null ? ` from ${item.year}` : ` (${item.year})`;
    }
    clauses.push(head);
    const wantedPeople = [...preferredPeople, ...(anchor?.item.people.slice(0, 4) ?? [])].map((person) =>
      foldText(person),
    );
    // A director who also acts is credited twice: name them once.
    const people = [...new Set(item.people)]
      .filter((person) => wantedPeople.includes(foldText(person)))
      .slice(0, 2);
    if (people.length > 0) clauses.push(`with ${joinWords(people)}`);
    if (anchor?.collaborative.has(item.id)) {
      clauses.push(`often mentioned alongside ${anchor.item.title} in past conversations`);
    } else if (anchor?.content.has(item.id)) {
      clauses.push(`close to ${anchor.item.title} in story and tone`);
    }
    // Word starts, compared without building a pattern from the user's text.
    const itemWords = foldText(
      `${item.title} ${itemDescription(item, this.context.retriever.catalog)}`,
    ).split(/[^\p{L}\p{N}]+/u);
    const matched = this.words
      .filter((word) => itemWords.some((other) => other.startsWith(word)))
      .slice(0, 3);
    if (matched.length > 0 && clauses.length < 3) clauses.push(`matching "${joinWords(matched)}"`);
    if (clauses.length === 1 && candidate.ranks.recent !== undefined)
      clauses.push('already suggested earlier in this conversation');
    if (clauses.length === 1 && this.context.retriever.popularity(item.id) > 0)
      clauses.push('a frequent favourite in past conversations');
    const sentence = clauses.join(', ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }
}
