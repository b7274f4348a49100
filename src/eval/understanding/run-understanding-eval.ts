import type { Catalog, CatalogItem } from '../../catalog/index.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import type { DialogueMessage } from '../../dialogue/dialogue-message.js';
import {
  readerContext,
  replayTranscript,
  resolveTitles,
  type TranscriptMessage,
  type YearAnchors,
} from '../../dialogue/state/index.js';
import type { CatalogLexicon } from '../../lexicon/index.js';
import type { TitleResolver } from '../../titles/index.js';
import type { OfflineReader } from '../../understanding/offline/offline-reader.js';
import type { Understanding } from '../../understanding/understanding-schema.js';
import type { BenchmarkLine, ExpectedDelta } from './benchmark-file.js';
import { scoreDelta, scoredFields, type FieldMiss, type ScoredField } from './score-delta.js';

/** What a model-based reader gets for one utterance. */
export interface UnderstandInput {
  messages: DialogueMessage[];
  lastShown: CatalogItem[];
}

export interface UnderstandingEvalOptions {
  lines: BenchmarkLine[];
  catalog: Catalog;
  reader: OfflineReader;
  titles: TitleResolver;
  lexicon: CatalogLexicon;
  years: YearAnchors;
  /** Reads with a model instead of the offline reader (the context is still replayed offline). */
  understand?: (input: UnderstandInput, signal?: AbortSignal) => Promise<Understanding>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Tally {
  name: string;
  total: number;
  right: number;
}

export interface UnderstandingFailure {
  id: string;
  phenomenon: string;
  text: string;
  misses: FieldMiss[];
}

export interface UnderstandingEvalReport {
  total: number;
  fullyRight: number;
  byPhenomenon: Tally[];
  byField: Tally[];
  failures: UnderstandingFailure[];
  /** Mean time to read one utterance (context replay excluded), in ms. */
  meanReadMs: number;
}

function shownItems(titles: string[] | undefined, resolver: TitleResolver): CatalogItem[] | undefined {
  if (!titles) return undefined;
  return titles.flatMap((title) => {
    const [best] = resolver.resolve(title, 1);
    return best && best.confidence >= 0.8 ? [best.item] : [];
  });
}

/**
 * A reader's delta in the benchmark's form: titles resolved and written "Title (Year)", genres the
 * catalog's. Titles are resolved as a turn resolves them: a model's loosely, the offline reader's
 * exactly (it matched them itself; what it did not match is a title the catalog lacks).
 */
export function toExpectedForm(
  understanding: Understanding,
  resolver: TitleResolver,
  lexicon: CatalogLexicon,
  catalog: Catalog,
  options: { loose: boolean } = { loose: true },
): ExpectedDelta {
  const resolved = resolveTitles(understanding, resolver, options);
  const genre = (name: string) => lexicon.catalogGenre(name) ?? name;
  const genres = (names: string[]) => [...new Set(names.map(genre))];
  return {
    intent: understanding.intent,
    newRequest: understanding.newRequest,
    titles: resolved.titles.map((title) => ({
      title: titleWithYear(catalog.byId.get(title.id)!),
      sentiment: title.sentiment,
    })),
    unknownTitles: resolved.unknownTitles,
    constraints: {
      ...understanding.constraints,
      genres: genres(understanding.constraints.genres),
      excludeGenres: genres(understanding.constraints.excludeGenres),
    },
    preferences: {
      genres: genres(understanding.preferences.genres),
      people: understanding.preferences.people,
    },
    qualities: understanding.qualities,
    audiences: understanding.audiences,
    relax: { ...understanding.relax, excludeGenres: genres(understanding.relax.excludeGenres) },
    yearDirection: understanding.yearDirection,
    quantity: understanding.quantity,
    shownFeedback: understanding.shownFeedback,
    rejectsShown: understanding.rejectsShown,
    referencedPosition: understanding.referencedPosition,
  };
}

/** The context's last assistant message, for the reader. */
function assistantOf(context: { role: string; text: string }[]): { assistantText?: string } {
  const text = context.findLast((message) => message.role === 'assistant')?.text;
  return text === undefined ? {} : { assistantText: text };
}

/**
 * Scores a reader on labelled utterances: each context is replayed into a dialogue state, the
 * utterance is read with what that state knows, and the delta is compared with the label field by
 * field. An utterance is fully right when every field is.
 */
export async function runUnderstandingEval(
  options: UnderstandingEvalOptions,
): Promise<UnderstandingEvalReport> {
  const { lines, reader, titles, lexicon, catalog } = options;
  const phenomena = new Map<string, Tally>();
  const fields = new Map<ScoredField, Tally>(
    scoredFields.map((field) => [field, { name: field, total: 0, right: 0 }]),
  );
  const failures: UnderstandingFailure[] = [];
  let fullyRight = 0;
  let readMs = 0;
  for (const [index, line] of lines.entries()) {
    if (options.signal?.aborted) break;
    const context: TranscriptMessage[] = line.context.map((message) => {
      const shown = shownItems(message.shown, titles);
      return { role: message.role, text: message.text, ...(shown ? { shown } : {}) };
    });
    const { state, lastShown } = replayTranscript(context, reader, titles, options.years);
    const started = performance.now();
    const understanding = options.understand
      ? await options.understand(
          {
            messages: [
              ...line.context.map(({ role, text }) => ({ role, text })),
              { role: 'user', text: line.text },
            ],
            lastShown,
          },
          options.signal,
        )
      : reader.read(line.text, {
          ...readerContext(state, lastShown, catalog),
          ...assistantOf(line.context),
        }).understanding;
    readMs += performance.now() - started;
    const misses = scoreDelta(
      line.expect,
      toExpectedForm(understanding, titles, lexicon, catalog, {
        loose: options.understand !== undefined,
      }),
    );
    const tally = phenomena.get(line.phenomenon) ?? { name: line.phenomenon, total: 0, right: 0 };
    tally.total += 1;
    if (misses.length === 0) {
      tally.right += 1;
      fullyRight += 1;
    } else {
      failures.push({ id: line.id, phenomenon: line.phenomenon, text: line.text, misses });
    }
    phenomena.set(line.phenomenon, tally);
    for (const field of scoredFields) {
      const entry = fields.get(field)!;
      entry.total += 1;
      if (!misses.some((miss) => miss.field === field)) entry.right += 1;
    }
    options.onProgress?.(index + 1, lines.length);
  }
  return {
    total: lines.length,
    fullyRight,
    byPhenomenon: [...phenomena.values()].sort((left, right) => left.name.localeCompare(right.name)),
    byField: [...fields.values()],
    failures,
    meanReadMs: lines.length > 0 ? readMs / lines.length : 0,
  };
}
