import type { CatalogItem } from '../../catalog/index.js';
import { splitYear, type TitleResolver } from '../../titles/index.js';
import type { Understanding } from '../../understanding/understanding-schema.js';
import type { TurnUpdate } from './apply-turn.js';

/** How sure a title match must be to count as the item the user named. */
export const titleConfidence = 0.6;
/** How sure a loose (fuzzy) match must be. */
export const fuzzyTitleConfidence = 0.8;

/** A delta's titles resolved to catalog items; the unresolved ones are titles the catalog lacks. */
export interface ResolvedTitles {
  titles: TurnUpdate['titles'];
  unknownTitles: string[];
}

/**
 * Resolves a delta's titles. A model's titles are matched loosely ("the godfather 2"); the offline
 * reader's are exact catalog titles already (it matched them itself), or titles the catalog lacks,
 * so `loose: false` skips the slow fuzzy search for those.
 */
export function resolveTitles(
  understanding: Understanding,
  resolver: TitleResolver,
  options: { loose?: boolean } = {},
): ResolvedTitles {
  const titles: TurnUpdate['titles'] = [];
  const unknownTitles: string[] = [];
  const loose = options.loose ?? true;
  for (const mention of understanding.mentionedTitles) {
    const best = loose ? resolver.resolve(mention.title, 1)[0] : exactTitle(mention.title, resolver);
    // A loose match only when it is close: "Tenet" is not "The Royal Tenenbaums".
    if (!best || best.confidence < (best.matchedBy === 'exact' ? titleConfidence : fuzzyTitleConfidence)) {
      if (!unknownTitles.includes(mention.title)) unknownTitles.push(mention.title);
      continue;
    }
    const existing = titles.find((title) => title.id === best.item.id);
    if (existing) {
      if (existing.sentiment === 'neutral') existing.sentiment = mention.sentiment;
    } else {
      titles.push({ id: best.item.id, sentiment: mention.sentiment });
    }
  }
  return { titles, unknownTitles };
}

function exactTitle(
  title: string,
  resolver: TitleResolver,
): { item: CatalogItem; confidence: number; matchedBy: 'exact' } | undefined {
  const { base, year } = splitYear(title);
  const item = resolver.exactItems(title)?.[0] ?? resolver.exactItems(base, year)?.[0];
  return item ? { item, confidence: 1, matchedBy: 'exact' } : undefined;
}

/** The turn update for a delta: resolved titles and the list it refers to. */
export function turnUpdate(
  understanding: Understanding,
  resolved: ResolvedTitles,
  input: {
    messageIndex: number;
    lastShown: CatalogItem[];
    text: string;
    more?: boolean;
    qualityWords?: Record<string, string>;
    statement?: boolean;
    askedPeople?: string[];
    avoidTopics?: string[];
  },
): TurnUpdate {
  return {
    understanding,
    messageIndex: input.messageIndex,
    titles: resolved.titles,
    lastShown: input.lastShown.map((item) => item.id),
    lastShownYears: input.lastShown.flatMap((item) => (item.year === undefined ? [] : [item.year])),
    text: input.text,
    ...(input.more ? { more: true } : {}),
    ...(input.qualityWords ? { qualityWords: input.qualityWords } : {}),
    ...(input.statement ? { statement: true } : {}),
    ...(input.askedPeople ? { askedPeople: input.askedPeople } : {}),
    ...(input.avoidTopics && input.avoidTopics.length > 0 ? { avoidTopics: input.avoidTopics } : {}),
  };
}
