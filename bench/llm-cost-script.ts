import type { CatalogItem } from '../src/catalog/index.js';
import type { DialogueMessage } from '../src/dialogue/dialogue-message.js';
import { replayTranscript, resolveTitles } from '../src/dialogue/state/index.js';
import { seededRandom } from '../src/embeddings/offline/seeded-random.js';
import type { GenerateRequest } from '../src/model/language-model.js';
import type { ScriptedResponse } from '../src/model/scripted-model.js';
import { titleWithYear } from '../src/catalog/title-with-year.js';
import type { Retriever } from '../src/retrieval/index.js';
import { createOfflineReader, type OfflineReader } from '../src/understanding/offline/index.js';
import { emptyUnderstanding, type Understanding } from '../src/understanding/understanding-schema.js';

/** One card of a rerank prompt as the model sees it. */
export interface PromptCard {
  handle: string;
  /** The card's title field ("Heat (1995)"). */
  title: string;
  /** The whole card line. */
  line: string;
}

/** The cards inside the `<cards>` fence of a rerank or window prompt, in the order shown. */
export function cardsInPrompt(request: GenerateRequest): PromptCard[] {
  const user = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  const section = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(user)?.[1] ?? '';
  return section.split('\n').flatMap((line) => {
    const match = /^(c\d+) \| ([^|]*)/.exec(line);
    return match ? [{ handle: match[1]!, title: match[2]!.trim(), line }] : [];
  });
}

/** About fifteen words on why a card fits, built from the card's own genre and first person. */
function reasonFor(card: PromptCard): string {
  const [, , third = '', fourth = ''] = card.line.split(' | ');
  const genre = (third.split(',')[0] ?? '').trim();
  const person = (fourth.split(',')[0] ?? '').trim();
  const kind = genre.length > 0 && genre.length <= 20 ? `${genre} story` : 'story';
  return person.length > 0 && person.length <= 40
    ? `Its ${kind} with ${person} fits your request and echoes the titles you said you liked.`
    : `Its ${kind} fits your request closely and echoes the titles you said you liked best.`;
}

/** A `rerank` answer in the plain-text format: the reply line, then the first k cards with a reason. */
export function rerankAnswer(request: GenerateRequest, k: number): ScriptedResponse {
  const picks = cardsInPrompt(request).slice(0, k);
  const lines = [
    `REPLY: Here are ${picks.length} picks that match what you asked for, starting with the one I think fits best.`,
    ...picks.map((card, index) => `${index + 1}. ${card.handle} | ${reasonFor(card)}`),
  ];
  return { text: lines.join('\n') };
}

/** A `rerank-window` answer: every handle of the window once, in a shuffled order (seeded). */
export function windowAnswer(request: GenerateRequest, seed: number): ScriptedResponse {
  const random = seededRandom(seed);
  const handles = cardsInPrompt(request).map((card) => card.handle);
  for (let index = handles.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [handles[index], handles[other]] = [handles[other]!, handles[index]!];
  }
  return { text: handles.join(' > ') };
}

/** Catalog items by how many log sessions name them, most first (catalog order breaks ties). */
export function popularItems(retriever: Retriever, limit = 500): CatalogItem[] {
  const counts = retriever.components.cooccurrence?.popularity ?? {};
  const order = new Map(retriever.catalog.items.map((item, index) => [item.id, index]));
  return [...retriever.catalog.items]
    .sort(
      (left, right) =>
        (counts[right.id] ?? 0) - (counts[left.id] ?? 0) || order.get(left.id)! - order.get(right.id)!,
    )
    .slice(0, limit);
}

export interface ScriptedUnderstandingInput {
  /** The dialogue so far, ending with the user's message. */
  messages: DialogueMessage[];
  retriever: Retriever;
  /** The offline reader of the retriever's catalog (default: one built for this call). */
  reader?: OfflineReader;
  /** Candidates for proposed titles, most popular first (see `popularItems`). */
  popular: CatalogItem[];
  /** Items never proposed: the turn's targets (no leakage) and what the dialogue already named. */
  excludeIds: ReadonlySet<string>;
  /** Proposed titles (default 10). */
  proposals?: number;
}

/** The offline reader's understanding of the dialogue's last user message, read in its context. */
function readLatest(messages: DialogueMessage[], reader: OfflineReader, retriever: Retriever): Understanding {
  let latest: Understanding | undefined;
  replayTranscript(messages, reader, retriever.components.titles, reader.yearAnchors, (reading) => {
    latest = reading.understanding;
  });
  return latest ?? emptyUnderstanding();
}

/**
 * A plausible LLM understanding of a dialogue, for cost measurement: the offline reader's titles,
 * constraints, preferences and the rest of its delta, three short queries, and popular catalog
 * titles (never the targets) as proposals, preferring those that share a genre with the request.
 */
export function scriptedUnderstanding(input: ScriptedUnderstandingInput): Understanding {
  const { retriever } = input;
  const reader = input.reader ?? createOfflineReader(retriever.components);
  const offline = readLatest(input.messages, reader, retriever);
  const { catalog } = retriever;
  const mentioned = resolveTitles(offline, retriever.components.titles, { loose: false }).titles.map(
    (title) => ({ item: catalog.byId.get(title.id)!, sentiment: title.sentiment }),
  );
  const mentionedIds = new Set(mentioned.map((entry) => entry.item.id));
  const liked = mentioned.filter((entry) => entry.sentiment !== 'disliked').map((entry) => entry.item);
  const genres = [...new Set([...offline.preferences.genres, ...liked.flatMap((item) => item.genres)])];

  const eligible = input.popular.filter(
    (item) => !input.excludeIds.has(item.id) && !mentionedIds.has(item.id),
  );
  const wanted = input.proposals ?? 10;
  const matching = eligible.filter((item) => item.genres.some((genre) => genres.includes(genre)));
  const proposed = [...new Set([...matching.slice(0, wanted), ...eligible])].slice(0, wanted);

  const latest = input.messages.findLast((message) => message.role === 'user')?.text ?? '';
  const words = latest
    .replace(/\([12]\d{3}\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const queries = [
    genres.length > 0 ? `${genres.slice(0, 2).join(' and ')} movies` : 'popular crowd-pleasing movies',
    liked[0] ? `movies similar to ${titleWithYear(liked[0])}` : 'well reviewed film with a strong story',
    words.length > 0 ? words.slice(0, 8).join(' ') : 'something to watch tonight',
  ];
  return {
    ...offline,
    intent: offline.intent === 'refine' ? 'refine' : 'recommend',
    queries,
    proposedTitles: proposed.map(titleWithYear),
    shownFeedback: [],
    reply: null,
  };
}
