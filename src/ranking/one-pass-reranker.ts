import type { LanguageModel } from '../model/language-model.js';
import { buildCards, type CardOptions } from './candidate-cards.js';
import { parseRerankOutput } from './rerank-output.js';
import { streamRerank, type ReplyHooks } from './stream-rerank.js';
import {
  selectPicks,
  type RenderablePrompt,
  type Reranker,
  type RerankInput,
  type RerankOutcome,
} from './reranker.js';

export interface OnePassOptions {
  /** Cards shown to the model (default 40). */
  maxCards?: number;
  card?: CardOptions;
}

/**
 * One streamed listwise call over at most 40 compact cards: the top k handles with a reason each and
 * the reply. The reply line streams as it is generated.
 */
export class OnePassReranker implements Reranker {
  readonly strategy = 'one-pass';

  constructor(
    private readonly model: LanguageModel,
    private readonly prompt: RenderablePrompt,
    private readonly options: OnePassOptions = {},
  ) {}

  async rerank(input: RerankInput, hooks: ReplyHooks, signal?: AbortSignal): Promise<RerankOutcome> {
    const cards = buildCards(input.candidates, input.catalog, this.options.maxCards ?? 40, this.options.card);
    const { system, user } = this.prompt.render({
      k: String(input.k),
      catalog_kind: input.catalogKind,
      profile: input.profileText,
      request: input.requestText,
      cards: cards.text,
    });
    const text = await streamRerank(this.model, { system, user }, input.k, hooks, signal);
    const parsed = parseRerankOutput(text);
    const order = [...cards.byHandle.values()];
    const { picks, problems } = selectPicks(parsed.picks, cards.byHandle, order, input.k);
    return { picks, ...(parsed.reply ? { reply: parsed.reply } : {}), problems };
  }
}
