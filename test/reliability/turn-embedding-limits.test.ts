import { describe, expect, it, onTestFinished } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import { OpenAIEmbeddingModel } from '../../src/embeddings/openai-embedding-model.js';
import { buildIndex } from '../../src/index-store/index.js';
import type { Limits } from '../../src/limits/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import { startOpenAIWireServer, type WireEmbeddingReply } from '../../src/testing/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

/**
 * An offline recommender over the toy catalog whose items are embedded by an OpenAI-compatible
 * endpoint; once the index is built, every embeddings request (the turn's query) gets `queryReply`.
 */
async function recommenderOverWire(queryReply: WireEmbeddingReply, limits: Partial<Limits>) {
  let indexBuilt = false;
  const server = await startOpenAIWireServer([], {
    embeddingReply: () => (indexBuilt ? queryReply : undefined),
  });
  onTestFinished(() => server.close());
  // On its own the embedder would retry 3 times and wait 10 s for each try.
  const embedder = new OpenAIEmbeddingModel({
    model: 'wire-embedder',
    baseURL: server.url,
    dimensions: 8,
    maxRetries: 3,
    deadlineMs: 10_000,
  });
  const { components } = await buildIndex({ catalog: toyCatalog(), embedder });
  indexBuilt = true;
  const built = server.embeddingRequests.length;
  const recommender = await createRecommender({ retriever: new Retriever(components), limits });
  return {
    session: recommender.session({ userId: 'u1' }),
    queryRequests: () => server.embeddingRequests.slice(built),
  };
}

describe("a turn's query embedding obeys the turn's limits", () => {
  it("draws its retries from the per-turn budget: budget 1 makes 2 requests, not the embedder's 4", async () => {
    const { session, queryRequests } = await recommenderOverWire(
      { status: 503, message: 'overloaded', retryAfter: 0 },
      { turnRetryBudget: 1 },
    );
    const result = await session.send('astronauts lost in outer space').result();
    expect(queryRequests()).toHaveLength(2);
    expect(result.degraded).toContainEqual(
      expect.objectContaining({ stage: 'tools', message: expect.stringContaining('HTTP 503') }),
    );
  });

  it('stops a hanging embedding request when the turn runs out of time', async () => {
    const { session, queryRequests } = await recommenderOverWire({ hang: true }, { turnDeadlineMs: 300 });
    const started = performance.now();
    const result = await session.send('astronauts lost in outer space').result();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(queryRequests()).toHaveLength(1);
    expect(result.degraded).toContainEqual(
      expect.objectContaining({ stage: 'tools', message: expect.stringContaining('ran out of time') }),
    );
  });
});
