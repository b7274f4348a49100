import type { Catalog } from '../src/catalog/index.js';
import type { Interaction, InteractionLog } from '../src/collaborative/interaction-log.js';
import { gaussian, seededRandom } from '../src/embeddings/offline/seeded-random.js';

export type Random = () => number;

/** Draws indices with probability proportional to `weights` (binary search over the cumulative sums). */
export function weightedSampler(weights: ArrayLike<number>, random: Random): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let index = 0; index < weights.length; index++) {
    total += weights[index]!;
    cumulative[index] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/** Zipf over ranks 0..n-1 (rank 0 most likely). */
export function zipfSampler(n: number, exponent: number, random: Random): () => number {
  const weights = new Float64Array(n);
  for (let rank = 0; rank < n; rank++) weights[rank] = 1 / (rank + 1) ** exponent;
  return weightedSampler(weights, random);
}

export function shuffled<T>(values: T[], random: Random): T[] {
  const out = [...values];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

const pick = <T>(values: readonly T[], random: Random): T => values[Math.floor(random() * values.length)]!;

// Fallback vocabulary when the ReDial catalog is not available.
const builtinWords = (
  'young man woman family friends town city police detective killer murder love story life world war ' +
  'secret mission team father mother son daughter brother sister wife husband girl boy school college ' +
  'group two three years after before during new old small dark mysterious dangerous strange ' +
  'finds discovers must tries becomes returns falls meets decides learns helps escapes fights saves ' +
  'journey adventure past future home island ship space planet earth alien monster ghost house night ' +
  'summer winter king queen kingdom army soldier agent spy thief gang crime drug money bank heist ' +
  'revenge truth lies power control dream dreams hope fear death survival battle race game music band ' +
  'dance singer actor film star career job company boss office lawyer doctor scientist experiment ' +
  'computer robot machine time travel dog cat horse farm forest mountain river ocean desert road trip ' +
  'car train plane crash accident disaster storm fire zombie vampire witch magic curse legend hero ' +
  'villain enemy rival partner relationship marriage wedding divorce child children baby teenager ' +
  'high student teacher coach sports football baseball boxing prison escape hostage kidnapping ' +
  'investigation case evidence trial justice corrupt politician president government conspiracy ' +
  'rebel revolution empire galaxy invasion creature shark beast hunt hunter survivor village ' +
  'community church priest faith ancient treasure map pirate captain crew sea voyage tribe warrior ' +
  'sword samurai martial arts master student training tournament champion comeback underdog ' +
  'friendship loyalty betrayal ambition greed jealousy grief loss memory amnesia identity double'
).split(' ');

const builtinGenres: [string, number][] = [
  ['drama', 30],
  ['comedy', 22],
  ['action', 14],
  ['thriller', 12],
  ['romance', 11],
  ['crime', 9],
  ['adventure', 9],
  ['horror', 8],
  ['sci-fi', 6],
  ['fantasy', 6],
  ['mystery', 5],
  ['family', 5],
  ['animation', 4],
  ['biography', 3],
  ['history', 2],
  ['music', 2],
  ['war', 2],
  ['sport', 2],
  ['documentary', 2],
  ['western', 1],
  ['musical', 1],
];

const firstNames = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan ' +
  'Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret ' +
  'Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle Kevin Carol ' +
  'Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey ' +
  'Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen ' +
  'Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine ' +
  'Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis ' +
  'Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia ' +
  'Hiroshi Yuki Pierre Amelie Lars Ingrid Pedro Lucia Giovanni Chiara Ahmed Fatima Raj Priya Olga Ivan'
).split(' ');

const lastNames = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez ' +
  'Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark ' +
  'Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams ' +
  'Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker ' +
  'Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper ' +
  'Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James ' +
  'Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster ' +
  'Tanaka Dubois Larsen Silva Rossi Haddad Sharma Petrov Novak Schmidt Kowalski Okafor Yamamoto'
).split(' ');

/**
 * Where synthetic text comes from: a word-bigram chain over ReDial plots (when the catalog is there) or
 * over a Zipf-distributed built-in word list, plus genre frequencies and a pool of people names.
 */
export interface WordSource {
  kind: 'redial-plots' | 'builtin';
  /** Plot tokens in order, '' between plots. */
  tokens: string[];
  starts: number[];
  occurrences: Map<string, number[]>;
  vocabularySize: number;
  genres: string[];
  genreWeights: number[];
  /** Real people names from the catalog (if any); generated names are added to these. */
  people: string[];
}

export function wordSource(redial: Catalog | undefined, random: Random): WordSource {
  const tokens: string[] = [''];
  const starts: number[] = [];
  const genreCounts = new Map<string, number>();
  const people = new Set<string>();
  const addPlot = (words: string[]) => {
    if (words.length < 3) return;
    starts.push(tokens.length);
    tokens.push(...words, '');
  };
  let kind: WordSource['kind'] = 'builtin';
  if (redial) {
    for (const item of redial.items) {
      for (const field of redial.mapping.text) {
        const value = item.fields[field];
        if (typeof value === 'string') addPlot(value.split(/\s+/).filter(Boolean));
      }
      for (const genre of item.genres) genreCounts.set(genre, (genreCounts.get(genre) ?? 0) + 1);
      for (const person of item.people) people.add(person);
    }
    if (starts.length >= 500) kind = 'redial-plots';
  }
  if (kind === 'builtin') {
    tokens.length = 1;
    starts.length = 0;
    genreCounts.clear();
    people.clear();
    const word = zipfSampler(builtinWords.length, 1, random);
    const order = shuffled(builtinWords, random);
    for (let plot = 0; plot < 4000; plot++) {
      const length = 12 + Math.floor(random() * 25);
      addPlot(Array.from({ length }, () => order[word()]!));
    }
    for (const [genre, weight] of builtinGenres) genreCounts.set(genre, weight);
  }
  const occurrences = new Map<string, number[]>();
  tokens.forEach((token, position) => {
    if (!token) return;
    let list = occurrences.get(token);
    if (!list) occurrences.set(token, (list = []));
    list.push(position);
  });
  const genres = [...genreCounts.keys()].sort();
  return {
    kind,
    tokens,
    starts,
    occurrences,
    vocabularySize: occurrences.size,
    genres,
    genreWeights: genres.map((genre) => genreCounts.get(genre)!),
    people: [...people].sort(),
  };
}

/** Random-walk text over the bigram chain, jumping to a random token now and then for variety. */
function walk(source: WordSource, random: Random, length: number, jump = 0.12): string[] {
  const { tokens, starts, occurrences } = source;
  let position = pick(starts, random);
  const out = [tokens[position]!];
  while (out.length < length) {
    if (random() < jump) {
      position = 1 + Math.floor(random() * (tokens.length - 1));
      if (!tokens[position]) position = pick(starts, random);
    } else {
      const next = pick(occurrences.get(tokens[position]!)!, random) + 1;
      position = tokens[next] ? next : pick(starts, random);
    }
    out.push(tokens[position]!);
  }
  return out;
}

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

export interface SyntheticItem {
  id: string;
  title: string;
  year?: number;
  genres: string[];
  director: string[];
  stars: string[];
  plot: string;
}

export interface SyntheticData {
  jsonl: string;
  /** Item ids by genre, most popular first (for logs and liked-id queries). */
  byGenre: Map<string, string[]>;
  /** Item ids, most popular first. */
  popularOrder: string[];
  peoplePool: number;
}

/**
 * A deterministic catalog of `count` movie-like items as JSONL text: titles from plot words with a
 * year suffix, 1–3 genres by real frequency, a director and 3 stars drawn Zipf-style from a people
 * pool, and a 12–45 word plot from the bigram chain.
 */
export function generateCatalog(count: number, source: WordSource, seed: number): SyntheticData {
  const random = seededRandom(seed);
  const normal = gaussian(random);
  const genreOf = weightedSampler(source.genreWeights, random);

  const pool = new Set(source.people);
  const target = Math.max(pool.size, Math.min(60_000, Math.ceil(count * 0.4)));
  for (let attempt = 0; pool.size < target && attempt < target * 4; attempt++) {
    const middle = random() < 0.2 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
    pool.add(`${pick(firstNames, random)}${middle} ${pick(lastNames, random)}`);
  }
  const people = shuffled([...pool].sort(), random);
  const person = zipfSampler(people.length, 0.8, random);

  const lines: string[] = [];
  const items: SyntheticItem[] = [];
  for (let index = 0; index < count; index++) {
    const titleWords = walk(source, random, 1 + Math.floor(random() * 4), 0.3)
      .map(bare)
      .filter(Boolean)
      .map((word) => word[0]!.toUpperCase() + word.slice(1));
    if (titleWords.length === 0) titleWords.push('Untitled');
    if (random() < 0.2) titleWords.unshift('The');
    const year = Math.max(1920, Math.min(2024, Math.round(2024 - Math.abs(normal()) * 22)));
    const hasYear = random() < 0.9;
    const genres = new Set<string>();
    const genreCount = 1 + Math.floor(random() * 3);
    for (let attempt = 0; genres.size < genreCount && attempt < 10; attempt++)
      genres.add(source.genres[genreOf()]!);
    const cast = new Set<string>();
    while (cast.size < 3) cast.add(people[person()]!);
    const plotWords = walk(source, random, 12 + Math.floor(random() * 34));
    let plot = plotWords.join(' ');
    if (!/[.!?]$/.test(plot)) plot += '.';
    const item: SyntheticItem = {
      id: `syn${index}`,
      title: hasYear ? `${titleWords.join(' ')} (${year})` : titleWords.join(' '),
      ...(hasYear ? { year } : {}),
      genres: [...genres],
      director: [people[person()]!],
      stars: [...cast],
      plot,
    };
    items.push(item);
    lines.push(JSON.stringify(item));
  }

  const popularOrder = shuffled(
    items.map((item) => item.id),
    random,
  );
  const rankOf = new Map(popularOrder.map((id, rank) => [id, rank]));
  const byGenre = new Map<string, string[]>();
  for (const item of items)
    for (const genre of item.genres) {
      let list = byGenre.get(genre);
      if (!list) byGenre.set(genre, (list = []));
      list.push(item.id);
    }
  for (const list of byGenre.values()) list.sort((left, right) => rankOf.get(left)! - rankOf.get(right)!);
  return { jsonl: lines.join('\n') + '\n', byGenre, popularOrder, peoplePool: people.length };
}

/** A deterministic interaction log: sessions start at a popular item and stay mostly within its genre. */
export function generateLog(
  catalog: Catalog,
  data: SyntheticData,
  sessions: number,
  seed: number,
): InteractionLog {
  const random = seededRandom(seed);
  const popular = zipfSampler(data.popularOrder.length, 0.9, random);
  const genreSamplers = new Map<string, () => number>();
  const inGenre = (genre: string): string => {
    const list = data.byGenre.get(genre)!;
    let sampler = genreSamplers.get(genre);
    if (!sampler) genreSamplers.set(genre, (sampler = zipfSampler(list.length, 0.9, random)));
    return list[sampler()]!;
  };
  const out: Interaction[] = [];
  for (let session = 0; session < sessions; session++) {
    const first = data.popularOrder[popular()]!;
    const genres = catalog.byId.get(first)?.genres ?? [];
    const ids = new Set([first]);
    const length = 3 + Math.floor(random() * 6);
    for (let attempt = 0; ids.size < length && attempt < length * 3; attempt++)
      ids.add(
        genres.length > 0 && random() < 0.6 ? inGenre(pick(genres, random)) : data.popularOrder[popular()]!,
      );
    out.push({ sessionId: `s${session}`, itemIds: [...ids] });
  }
  return { source: 'synthetic-log', sessions: out, skipped: [] };
}

export interface SyntheticQuery {
  queries: string[];
  likedIds: string[];
}

/**
 * Retrieval requests shaped like the dialogue ones: 1–3 free-text queries built from a random item's
 * genres, people and plot words, plus 0–3 liked items sharing a genre (some requests have only one side).
 */
export function generateQueries(
  catalog: Catalog,
  data: SyntheticData,
  count: number,
  seed: number,
): SyntheticQuery[] {
  const random = seededRandom(seed);
  const out: SyntheticQuery[] = [];
  const plotField = catalog.mapping.text[0];
  for (let index = 0; index < count; index++) {
    const item = pick(catalog.items, random);
    const genre = item.genres.length ? pick(item.genres, random) : 'drama';
    const other = item.genres.length > 1 ? pick(item.genres, random) : genre;
    const personName = item.people.length ? pick(item.people, random) : 'someone';
    const plotValue = plotField ? item.fields[plotField] : undefined;
    const plotWords = typeof plotValue === 'string' ? plotValue.split(/\s+/) : [];
    const start = Math.floor(random() * Math.max(1, plotWords.length - 5));
    const fragment = plotWords.slice(start, start + 3 + Math.floor(random() * 4)).join(' ');
    const templates = [
      `I want a ${genre} movie with ${personName}`,
      `something ${genre} and ${other}, maybe about ${fragment}`,
      `a ${genre} film where ${fragment}`,
      `anything with ${personName}? I like ${other} stuff`,
      `${fragment}`,
    ];
    const mode = random();
    const textCount = mode < 0.2 ? 0 : 1 + Math.floor(random() * 3);
    const likedCount = mode >= 0.2 && mode < 0.4 ? 0 : 1 + Math.floor(random() * 3);
    const texts = shuffled(templates, random).slice(0, textCount);
    // Like buildRetrievalRequest: the latest text, then the texts joined.
    const queries = texts.length > 1 ? [texts[0]!, texts.join(' ')] : texts;
    const liked = new Set<string>();
    const genreList = data.byGenre.get(genre) ?? [];
    for (let attempt = 0; liked.size < likedCount && attempt < 10; attempt++)
      liked.add(genreList.length ? genreList[Math.floor(random() ** 2 * genreList.length)]! : item.id);
    out.push({ queries, likedIds: [...liked] });
  }
  return out;
}
