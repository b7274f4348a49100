/**
 * Streaming: print every event of a turn as it happens — understanding, tool calls and results, the
 * reply as it is generated, the recommendations, any fallback, and the usage at the end.
 *
 *   npx tsx examples/streaming.ts "a clever heist movie like Heat"
 *
 * Uses an LLM when one is configured (OPENAI_API_KEY, or OPENAI_BASE_URL with CONVREC_MODEL) and runs
 * offline otherwise (offline there is no generated text: the reply comes with the result at the
 * end). Ctrl-C cancels the turn.
 */
import { createRecommender, loadConfig, type TurnEvent } from 'convrec';
import { configuredModel } from './configured-model.js';
import { openDemoRetriever } from './demo-retriever.js';

const request = process.argv.slice(2).join(' ').trim() || 'a clever heist movie like Heat';

const config = loadConfig();
const { model } = configuredModel(config);
const retriever = await openDemoRetriever(config);

const recommender = await createRecommender({ retriever, ...(model ? { model } : {}) });

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const session = recommender.session({ userId: 'example-user' });
let streamedText = false;
console.log(`> ${request}`);
try {
  for await (const event of session.send(request, { signal: controller.signal })) printEvent(event);
} catch (error) {
  // Only a turn that could not run at all (or was cancelled) ends up here; model failures degrade.
  console.error(controller.signal.aborted ? 'cancelled' : String(error));
  process.exitCode = 1;
} finally {
  await recommender.close();
}

function printEvent(event: TurnEvent): void {
  switch (event.type) {
    case 'turn-start':
      console.log(`[turn-start] turn ${event.turn}, ${event.mode}`);
      break;
    case 'understanding':
      console.log(
        `[understanding] ${event.understanding.intent}: ${event.understanding.queries.join(' / ') || '(no queries)'}`,
      );
      break;
    case 'tool-call':
      console.log(`[tool-call] ${event.name} ${shorten(JSON.stringify(event.input))}`);
      break;
    case 'tool-result':
      console.log(`[tool-result] ${event.name}: ${event.output.split('\n')[0]}`);
      break;
    case 'text-delta':
      if (!streamedText) process.stdout.write('[text] ');
      streamedText = true;
      process.stdout.write(event.delta);
      break;
    case 'recommendations':
      if (streamedText) process.stdout.write('\n');
      console.log('[recommendations]');
      event.recommendations.forEach(({ item, reason }, index) => {
        console.log(
          `  ${index + 1}. ${item.title}${item.year === undefined ? '' : ` (${item.year})`}: ${reason}`,
        );
      });
      break;
    case 'degraded':
      console.log(`[degraded] ${event.degradation.stage}: ${event.degradation.message}`);
      break;
    case 'turn-end': {
      const { usage, timings, reply } = event.result;
      if (!streamedText) console.log(`[reply] ${reply}`);
      console.log(
        `[turn-end] ${usage.llmCalls} LLM calls, ${usage.inputTokens}+${usage.outputTokens} tokens, ${timings.totalMs.toFixed(0)} ms`,
      );
      break;
    }
  }
}

function shorten(text: string, limit = 140): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
