/**
 * Running offline: no language model, no API key, no network. Understanding is rule-based, retrieval
 * runs over the local index (offline embedder + lexical + title matching), the offline ranker orders
 * the candidates and the reasons come from templates over each item's real attributes.
 *
 *   npx tsx examples/offline.ts
 *   npx tsx examples/offline.ts "a heist movie like Heat" "/dislike 1" "something older" "/new" "a crime drama"
 *
 * Each argument is one turn of a conversation; "/like N", "/dislike N", "/seen N" give feedback on the
 * Nth item shown last, "/new" starts a new session for the same user (the profile carries over).
 * OPENAI_* settings are ignored here on purpose.
 */
import {
  createRecommender,
  isConvrecError,
  loadConfig,
  MemoryProfileStore,
  type FeedbackKind,
} from 'convrec';
import { openDemoRetriever } from './demo-retriever.js';

const defaultTurns = [
  'a heist movie like Heat',
  '/dislike 1',
  'something older',
  '/new',
  'a crime drama from the seventies',
];
const feedbackKinds: Record<string, FeedbackKind> = { like: 'liked', dislike: 'disliked', seen: 'seen' };
const turns = process.argv.length > 2 ? process.argv.slice(2) : defaultTurns;

const config = loadConfig();
const retriever = await openDemoRetriever(config);

// No `model`: every stage runs offline. The profile store is shared by the user's sessions.
const recommender = await createRecommender({ retriever, profileStore: new MemoryProfileStore() });
console.log(`Mode: ${recommender.mode} (${retriever.catalog.items.length} movies, no network)\n`);

const userId = 'example-user';
let session = recommender.session({ userId });
for (const turn of turns) {
  const command = /^\/(like|dislike|seen)\s+(\d+)$/.exec(turn.trim());
  if (command) {
    const kind = feedbackKinds[command[1]!]!;
    try {
      const itemId = await session.feedback(Number(command[2]), kind);
      console.log(`${turn}: ${kind} ${retriever.catalog.byId.get(itemId)?.title}\n`);
    } catch (error) {
      if (!isConvrecError(error)) throw error;
      console.log(`${turn}: ${error.message}\n`);
    }
    continue;
  }
  if (turn.trim() === '/new') {
    session = recommender.session({ userId });
    const summary = await recommender.profileStore.summary(userId);
    console.log(`/new: a new session; the profile so far: ${summary?.text ?? '(empty)'}\n`);
    continue;
  }
  const result = await session.send(turn).result();
  console.log(`> ${turn}\n${result.reply}`);
  result.recommendations.forEach(({ item, reason }, index) => {
    console.log(`${index + 1}. ${item.title}${item.year === undefined ? '' : ` (${item.year})`}`);
    console.log(`   ${reason}`);
  });
  console.log(`(${result.usage.llmCalls} LLM calls, ${result.timings.totalMs.toFixed(0)} ms)\n`);
}
await recommender.close();
