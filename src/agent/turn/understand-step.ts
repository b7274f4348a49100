import { readerContext } from '../../dialogue/state/index.js';
import { emptyUnderstanding, type Understanding } from '../../understanding/understanding-schema.js';
import type { MessageReading } from '../../understanding/offline/read-message.js';
import { understandWithModel } from '../../understanding/llm-understanding.js';
import { degradationFrom } from '../degradation.js';
import type { TurnContext } from './turn-context.js';
import { checkAborted, type TurnRuntime } from './turn-runtime.js';

/** The turn's delta, and the offline reading of the message behind it. */
export interface Understood {
  understanding: Understanding;
  /** The offline reading (absent for "/more", which reads nothing). */
  reading?: MessageReading;
  more: boolean;
  ms: number;
}

/**
 * Understands the message: the offline reader always reads it (cheap, and its query words and the
 * user's own quality words serve the state); with a model, the model's delta is used instead, and
 * a failing model falls back to the offline one. "/more" reads nothing: the request stays as it is.
 */
export async function understandStep(
  runtime: TurnRuntime,
  context: TurnContext,
  more: boolean,
): Promise<Understood> {
  const { dependencies, model, emit } = runtime;
  const started = dependencies.clock();
  if (more) {
    const understanding = emptyUnderstanding('refine');
    emit({ type: 'understanding', understanding });
    return { understanding, more, ms: dependencies.clock() - started };
  }
  const assistantText = context.messages.findLast((message) => message.role === 'assistant')?.text;
  const reading = dependencies.reader.read(context.text, {
    ...readerContext(context.state, context.lastShown, dependencies.retriever.catalog),
    ...(assistantText !== undefined ? { assistantText } : {}),
  });
  let understanding = reading.understanding;
  if (model && dependencies.prompts) {
    try {
      understanding = await understandWithModel(
        model,
        dependencies.prompts.understand,
        {
          messages: context.messages,
          lastShown: context.lastShown,
          profileText: context.profile.text,
          catalogKind: dependencies.catalogKind,
          lexicon: dependencies.reader.vocabulary.lexicon,
        },
        runtime.signal,
      );
    } catch (error) {
      checkAborted(runtime.signal);
      runtime.degrade(degradationFrom('understand', error, 'understanding fell back to offline rules'));
    }
  }
  emit({ type: 'understanding', understanding });
  return { understanding, reading, more, ms: dependencies.clock() - started };
}
