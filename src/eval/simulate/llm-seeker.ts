import { isConvrecError } from '../../errors/index.js';
import type { LanguageModel } from '../../model/language-model.js';
import type { PromptTemplate } from '../../prompts/prompt-template.js';
import { namesTarget } from './leak-check.js';
import { createRulesSeeker } from './rules-seeker.js';
import type { AgentView, Seeker, SeekerKind, SeekerMessage, SeekerSetup, SeekerUsage } from './seeker.js';

export interface LlmSeekerOptions {
  model: LanguageModel;
  /** The `simulated-seeker` prompt (see `prompts/simulated-seeker.md`). */
  prompt: PromptTemplate;
  /** What one item is, for the prompt (default "movie"). */
  catalogKind?: string;
  /** Attempts after a message that names the target, before the rules seeker speaks instead (default 2). */
  maxRegenerations?: number;
}

const leakNote =
  '\n\nYour previous draft named the title of your target. Write the message again without the title.';

function describeTarget(setup: SeekerSetup): string {
  const { target } = setup;
  const fields = Object.entries(target.fields)
    .filter(([name]) => name !== 'title')
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return [`title: ${target.title}`, ...fields].join('\n');
}

/**
 * The LLM seeker (iEvaLM style): the model plays the user, given the target and the original
 * dialogue. Every message passes the leak check and is regenerated when it names the target; after
 * `maxRegenerations` leaks, or when the model fails, the rules seeker's message is sent instead.
 */
export function createLlmSeeker(setup: SeekerSetup, options: LlmSeekerOptions): Seeker {
  const fallback = createRulesSeeker(setup);
  const lines: string[] = [];
  const target = describeTarget(setup);
  const dialogue = setup.context.map((message) => `${message.role}: ${message.text}`).join('\n');
  const maxRegenerations = options.maxRegenerations ?? 2;

  const write = async (
    instead: () => Promise<SeekerMessage>,
    signal?: AbortSignal,
  ): Promise<SeekerMessage> => {
    const usage: SeekerUsage = { calls: 0, inputTokens: 0, outputTokens: 0, regenerated: 0 };
    const rendered = options.prompt.render({
      catalog_kind: options.catalogKind ?? 'movie',
      target,
      dialogue: dialogue || '(none)',
      conversation: lines.join('\n') || '(not started)',
    });
    let text: string | undefined;
    for (let attempt = 0; attempt <= maxRegenerations && text === undefined; attempt++) {
      let draft: string;
      try {
        usage.calls++;
        const result = await options.model.generate(
          {
            purpose: 'simulate-seeker',
            messages: [
              { role: 'system', content: rendered.system },
              { role: 'user', content: attempt === 0 ? rendered.user : rendered.user + leakNote },
            ],
          },
          signal,
        );
        usage.inputTokens += result.usage?.inputTokens ?? 0;
        usage.outputTokens += result.usage?.outputTokens ?? 0;
        draft = result.text.trim();
      } catch (error) {
        if (signal?.aborted || (isConvrecError(error) && error.code === 'ABORTED')) throw error;
        break;
      }
      if (draft && !namesTarget(draft, setup.target, setup.titles)) text = draft;
      else usage.regenerated++;
    }
    const message = text === undefined ? { text: (await instead()).text } : { text };
    lines.push(`you: ${message.text}`);
    return { ...message, usage };
  };

  return {
    open: (signal) => write(() => fallback.open(signal), signal),
    react: (view: AgentView, signal) => {
      const shown = view.shown.map((item, index) => `${index + 1}. ${item.title}`).join('; ');
      lines.push(`recommender: ${view.reply}${shown ? ` [shown: ${shown}]` : ''}`);
      return write(() => fallback.react(view, signal), signal);
    },
  };
}

/** The LLM seeker as a seeker kind for `runSimulation`, named after the model. */
export function llmSeeker(options: LlmSeekerOptions): SeekerKind {
  return { name: `llm (${options.model.modelId})`, create: (setup) => createLlmSeeker(setup, options) };
}
