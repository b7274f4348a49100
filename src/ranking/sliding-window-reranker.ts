import { ConvrecError } from '../errors/index.js';
import type { LanguageModel } from '../model/language-model.js';
import type { Candidate } from '../retrieval/index.js';
import { buildCards, cardLine, type CardOptions } from './candidate-cards.js';
import { parsePermutation, parseRerankOutput } from './rerank-output.js';
import { streamRerank, type ReplyHooks } from './stream-rerank.js';
import {
  selectPicks,
  type RenderablePrompt,
  type Reranker,
  type RerankInput,
  type RerankOutcome,
} from './reranker.js';

export interface SlidingWindowOptions {
  /** Cards ranked in all (default 40). */
  maxCards?: number;
  /** Cards per window (default 20); the top window is the one that gets reasons and the reply. */
  window?: number;
  /** How far each window moves up (default 10); between 1 and `window`. */
  step?: number;
  card?: CardOptions;
}

/**
 * The RankGPT-style baseline: windows ranked from the bottom of the list up, each a plain
 * permutation call, then one streamed call over the top window for the picks, reasons and reply.
 * Handles stay those of the input order (c1…cN) in every call.
 */
export class SlidingWindowReranker implements Reranker {
  readonly strategy = 'sliding-window';
  private readonly maxCards: number;
  private readonly window: number;
  private readonly step: number;

  constructor(
    private readonly model: LanguageModel,
    private readonly windowPrompt: RenderablePrompt,
    private readonly finalPrompt: RenderablePrompt,
    private readonly options: SlidingWindowOptions = {},
  ) {
    this.maxCards = options.maxCards ?? 40;
    this.window = options.window ?? 20;
    this.step = options.step ?? 10;
    if (!Number.isInteger(this.window) || this.window < 2) {
      throw new ConvrecError(
        'CONFIG_INVALID',
        `sliding window: window must be an integer ≥ 2, got ${this.window}`,
      );
    }
    if (!Number.isInteger(this.step) || this.step < 1 || this.step > this.window) {
      throw new ConvrecError(
        'CONFIG_INVALID',
        `sliding window: step must be an integer between 1 and the window (${this.window}), got ${this.step}`,
      );
    }
  }

  async rerank(input: RerankInput, hooks: ReplyHooks, signal?: AbortSignal): Promise<RerankOutcome> {
    const cards = buildCards(input.candidates, input.catalog, this.maxCards, this.options.card);
    const lines = new Map(
      [...cards.byHandle].map(([handle, candidate]) => [
        handle,
        cardLine(handle, candidate.item, input.catalog, this.options.card),
      ]),
    );
    const cardsText = (handles: string[]) => handles.map((handle) => lines.get(handle)).join('\n');
    const problems: string[] = [];
    let order = [...cards.handles];

    for (const start of lowerWindowStarts(order.length, this.window, this.step)) {
      throwIfAborted(signal);
      const windowHandles = order.slice(start, start + this.window);
      const { system, user } = this.windowPrompt.render({
        catalog_kind: input.catalogKind,
        profile: input.profileText,
        request: input.requestText,
        cards: cardsText(windowHandles),
      });
      const result = await this.model.generate(
        {
          purpose: 'rerank-window',
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          // "c12 > " is a few tokens per card.
          maxOutputTokens: 16 + windowHandles.length * 6,
          temperature: 0,
        },
        signal,
      );
      const ranked = applyPermutation(windowHandles, parsePermutation(result.text));
      const label = `window ${start + 1}-${start + windowHandles.length}`;
      problems.push(...ranked.problems.map((problem) => `${label}: ${problem}`));
      order = [...order.slice(0, start), ...ranked.order, ...order.slice(start + windowHandles.length)];
    }

    throwIfAborted(signal);
    const top = order.slice(0, this.window);
    const { system, user } = this.finalPrompt.render({
      k: String(input.k),
      catalog_kind: input.catalogKind,
      profile: input.profileText,
      request: input.requestText,
      cards: cardsText(top),
    });
    const text = await streamRerank(this.model, { system, user }, input.k, hooks, signal);
    const parsed = parseRerankOutput(text);
    const topByHandle = new Map(top.map((handle) => [handle, cards.byHandle.get(handle)!]));
    const fallbackOrder = order.map((handle) => cards.byHandle.get(handle)).filter(isCandidate);
    const selected = selectPicks(parsed.picks, topByHandle, fallbackOrder, input.k);
    return {
      picks: selected.picks,
      ...(parsed.reply ? { reply: parsed.reply } : {}),
      problems: [...problems, ...selected.problems],
    };
  }
}

/** Start positions of the windows below the top one, bottom first: N-w, N-w-s, … while above 0. */
function lowerWindowStarts(count: number, window: number, step: number): number[] {
  const starts: number[] = [];
  for (let start = count - window; start > 0; start -= step) starts.push(start);
  return starts;
}

/**
 * The window reordered by the model's answer: its handles in the order given, ignoring handles
 * outside the window and repeats, then the ones it left out in their previous order.
 */
function applyPermutation(window: string[], answer: string[]): { order: string[]; problems: string[] } {
  const inWindow = new Set(window);
  const placed = new Set<string>();
  const ignored: string[] = [];
  const repeated: string[] = [];
  for (const handle of answer) {
    if (!inWindow.has(handle)) ignored.push(handle);
    else if (placed.has(handle)) repeated.push(handle);
    else placed.add(handle);
  }
  const missing = window.filter((handle) => !placed.has(handle));
  const problems: string[] = [];
  if (ignored.length > 0) problems.push(`ignored handles not in the window: ${ignored.join(', ')}`);
  if (repeated.length > 0) problems.push(`repeated handles: ${repeated.join(', ')}`);
  if (missing.length > 0)
    problems.push(`${missing.length} of ${window.length} cards not ranked, kept in their previous order`);
  return { order: [...placed, ...missing], problems };
}

function isCandidate(candidate: Candidate | undefined): candidate is Candidate {
  return candidate !== undefined;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ConvrecError('ABORTED', 'reranking was cancelled', { cause: signal.reason });
}
