/**
 * A local OpenAI-compatible server (Ollama, LM Studio, vLLM, llama.cpp's llama-server) as the agent's
 * model: give its base URL and the model name, as options or in the environment.
 *
 *   npx tsx examples/local-server.ts --base-url http://localhost:11434/v1 --model llama3.1 "a heist movie like Heat"
 *   OPENAI_BASE_URL=http://localhost:1234/v1 CONVREC_MODEL=qwen2.5-7b-instruct npx tsx examples/local-server.ts
 *   npx tsx examples/local-server.ts --demo
 *
 * Usual base URLs: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM
 * http://localhost:8000/v1, llama-server http://localhost:8080/v1. --api-key (or OPENAI_API_KEY) only if
 * the server wants one. If the server fails or is unreachable the turn still answers, offline, and
 * says so. --demo needs no server: it starts convrec/testing's scripted wire server, which answers
 * with fixed moves (the request as the query, the first cards in convrec's own order) — no language
 * model is involved and the output says so.
 */
import { parseArgs } from 'node:util';
import {
  createRecommender,
  emptyUnderstanding,
  loadConfig,
  OpenAIChatModel,
  type Understanding,
} from 'convrec';
import { startOpenAIWireServer, type OpenAIWireServer, type WireRequestBody } from 'convrec/testing';
import { openDemoRetriever } from './demo-retriever.js';

const { values, positionals } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    'api-key': { type: 'string' },
    'timeout-ms': { type: 'string', default: '120000' },
    demo: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const request = positionals.join(' ').trim() || 'a heist movie like Heat';
const config = loadConfig();

const demoServer = values.demo ? await startDemoServer(request) : undefined;
const baseURL = demoServer?.url ?? values['base-url'] ?? config.openai.baseURL;
const modelId = demoServer ? 'demo-script' : (values.model ?? config.openai.model);
if (!baseURL) {
  console.error(
    [
      'No server given. Pass --base-url (or set OPENAI_BASE_URL) and --model (or CONVREC_MODEL), e.g.',
      '  npx tsx examples/local-server.ts --base-url http://localhost:11434/v1 --model llama3.1',
      'or run with --demo to see the flow against a scripted stand-in server.',
    ].join('\n'),
  );
  process.exit(1);
}
if (!modelId) {
  console.error(
    `No model named for ${baseURL}: pass --model or set CONVREC_MODEL (Ollama: see "ollama list").`,
  );
  process.exit(1);
}
if (demoServer) console.log(`DEMO: a scripted stand-in at ${baseURL} answers below, not a language model.`);

const timeoutMs = Number(values['timeout-ms']);
const apiKey = values['api-key'] ?? config.openai.apiKey;
const model = new OpenAIChatModel({
  model: modelId,
  baseURL,
  ...(apiKey ? { apiKey } : {}),
  ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  maxRetries: 1,
});

const retriever = await openDemoRetriever(config);
const recommender = await createRecommender({ retriever, model });
console.log(`Model: ${model.modelId} at ${baseURL}\n> ${request}`);

const stream = recommender.session({ userId: 'example-user' }).send(request);
let streamed = '';
for await (const event of stream) {
  if (event.type === 'text-delta') {
    streamed += event.delta;
    process.stdout.write(event.delta);
  }
  if (event.type === 'degraded') {
    const { stage, message } = event.degradation;
    const midLine = streamed !== '' && !streamed.endsWith('\n');
    console.log(
      `${midLine ? '\n' : ''}note: the model failed at "${stage}" (${message}); that stage ran offline.`,
    );
  }
}
const result = await stream.result();
// Offline (or after a failed rerank) the reply is not generated, so it was not streamed.
if (streamed !== result.reply) console.log(streamed ? `\n${result.reply}` : result.reply);
else process.stdout.write('\n');
result.recommendations.forEach(({ item, reason }, index) => {
  console.log(`${index + 1}. ${item.title}${item.year === undefined ? '' : ` (${item.year})`}: ${reason}`);
});
const { llmCalls, inputTokens, outputTokens, calls } = result.usage;
const reported = calls.every((call) => call.counted === 'reported') ? 'reported by the server' : 'estimated';
console.log(`(${llmCalls} LLM calls, ${inputTokens}+${outputTokens} tokens ${reported})`);
await recommender.close();
await demoServer?.close();

/**
 * The --demo stand-in: understanding calls get the request itself as the only query, rerank calls
 * pick the first five cards in the order convrec sent them. Anything else gets an error.
 */
async function startDemoServer(text: string): Promise<OpenAIWireServer> {
  const understanding: Understanding = { ...emptyUnderstanding('recommend'), queries: [text] };
  const lastUserText = (body: WireRequestBody) =>
    (body.messages ?? []).findLast((message) => message.role === 'user')?.content ?? '';
  return startOpenAIWireServer(({ body }) => {
    const cards = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(lastUserText(body))?.[1];
    if (body.stream && cards) {
      const handles = cards.split('\n').map((line) => line.split(' | ')[0]);
      const picks = handles
        .slice(0, 5)
        .map((handle, index) => `${index + 1}. ${handle} | demo: card ${index + 1} as sent`);
      return {
        text: ['REPLY: (demo server, no model) the first five cards, in convrec’s own order.', ...picks].join(
          '\n',
        ),
      };
    }
    if (!body.stream && body.response_format) return { json: understanding };
    return { status: 500, message: 'openai wire server: the demo has no answer for this call' };
  });
}
