import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommender } from '../../src/agent/create-recommender.js';
import type { TurnEvent, TurnResult } from '../../src/agent/turn-events.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
let recommender: Recommender;
let store: MemoryProfileStore;

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

async function fresh(): Promise<Recommender> {
  store = new MemoryProfileStore();
  recommender = await createRecommender({ retriever, profileStore: store });
  return recommender;
}

const titles = (result: TurnResult) => result.recommendations.map((entry) => entry.item.title);
const byTitle = (title: string) => retriever.catalog.items.find((item) => item.title === title)!;

describe('offline agent turns on the demo catalog', () => {
  it('names a director who also acts once in a reason, and says goodbye to a user who is done', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('westerns with clint eastwood').result();
    const reasons = result.recommendations.map((entry) => entry.reason);
    expect(reasons.some((reason) => reason.includes('Clint Eastwood'))).toBe(true);
    for (const reason of reasons) expect(reason).not.toMatch(/Clint Eastwood and Clint Eastwood/);
    const done = await session.send('nah thats it, cheers').result();
    expect(done.intent).toBe('chit-chat');
    expect(done.recommendations).toHaveLength(0);
    expect(done.reply).toMatch(/^Enjoy!/);
  });

  it('answers a cold start with five catalog items, a reply and no LLM calls', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('recommend me a movie for tonight').result();
    expect(result.mode).toBe('offline');
    expect(result.intent).toBe('recommend');
    expect(result.recommendations).toHaveLength(5);
    for (const entry of result.recommendations) {
      expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
    expect(result.reply).toMatch(/\w/);
    expect(result.usage.llmCalls).toBe(0);
    expect(result.timings.totalMs).toBeGreaterThan(0);
    expect(result.toolCalls.map((call) => call.name)).toContain('search_catalog');
  });

  it('keeps "after 2000" as a hard constraint and never returns the named title', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('something like Heat, but after 2000').result();
    expect(result.recommendations.length).toBeGreaterThan(0);
    for (const entry of result.recommendations) expect(entry.item.year).toBeGreaterThan(2000);
    expect(titles(result)).not.toContain('Heat');
    // "Older than those" is older than every film just shown (the limit gives way when it would
    // leave less than a few years).
    const oldest = Math.min(...result.recommendations.map((entry) => entry.item.year ?? Infinity));
    const next = await session.send('something older than those').result();
    expect(next.recommendations.length).toBeGreaterThan(0);
    for (const entry of next.recommendations) expect(entry.item.year).toBeLessThan(oldest);
    expect(titles(next)).not.toContain('Heat');
  });

  it('excludes a genre the user rules out', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('a movie for a rainy night, no horror please').result();
    expect(result.understanding.constraints.excludeGenres).toContain('horror');
    for (const entry of result.recommendations) expect(entry.item.genres).not.toContain('horror');
  });

  it('"more like the second one" seeds the next round with that item and shows new ones', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const first = await session.send('I loved The Matrix').result();
    const second = await session.send('more like the second one').result();
    expect(second.intent).toBe('refine');
    expect(second.understanding.referencedPosition).toBe(2);
    const before = new Set(first.recommendations.map((entry) => entry.item.id));
    for (const entry of second.recommendations) expect(before.has(entry.item.id)).toBe(false);
    expect(second.recommendations.length).toBe(5);
  });

  it('"why the first?" explains the first shown item without new recommendations', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const first = await session.send('a funny animated movie for the kids').result();
    const why = await session.send('why the first?').result();
    expect(why.intent).toBe('ask-about-item');
    expect(why.recommendations).toEqual([]);
    expect(why.reply).toContain(first.recommendations[0]!.item.title);
    expect(why.toolCalls.map((call) => call.name)).toContain('get_item');
  });

  it('stores "I did not like the first one" and never shows that item again', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const first = await session.send('a space adventure').result();
    const rejected = first.recommendations[0]!.item;
    const next = await session.send("I didn't like the first one, something else").result();
    const events = await store.feedback('ana');
    expect(events).toEqual(
      expect.arrayContaining([expect.objectContaining({ itemId: rejected.id, kind: 'disliked' })]),
    );
    expect(next.recommendations.map((entry) => entry.item.id)).not.toContain(rejected.id);
    const other = recommender.session({ userId: 'ana' });
    const later = await other.send('a space adventure').result();
    expect(later.recommendations.map((entry) => entry.item.id)).not.toContain(rejected.id);
  });

  it('carries a profile into a new session of the same user only', async () => {
    await fresh();
    const first = recommender.session({ userId: 'ana' });
    await first.send('I love Heat and The Godfather').result();
    await first.end();
    const summary = await store.summary('ana');
    expect(summary?.text).toContain('Heat');
    expect(await store.summary('bob')).toBeUndefined();
    const again = recommender.session({ userId: 'ana' });
    const result = await again.send('what should I watch?').result();
    // The profile's liked titles seed retrieval and are not re-recommended.
    expect(titles(result)).not.toContain('Heat');
    expect(result.recommendations.some((entry) => entry.item.genres.includes('crime'))).toBe(true);
  });

  it('lets a new request with its own titles lead over unrelated likes from earlier sessions', async () => {
    await fresh();
    await recommender.session({ userId: 'ana' }).send('I loved Alien').result();
    // A request that names nothing draws on the stored like.
    const cold = await recommender.session({ userId: 'ana' }).send('what should I watch?').result();
    expect(cold.recommendations.some((entry) => entry.reason.includes('Alien'))).toBe(true);
    const result = await recommender
      .session({ userId: 'ana' })
      .send('something like Heat but less violent, after 2000')
      .result();
    expect(result.recommendations).toHaveLength(5);
    // Before, two of the five were there for Alien ("close to Alien in story and tone").
    for (const entry of result.recommendations) expect(entry.reason).not.toContain('Alien');
    expect(
      result.recommendations.filter((entry) => entry.item.genres.includes('crime')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('resumes a session by id', async () => {
    await fresh();
    const session = recommender.session({ userId: 'ana' });
    const first = await session.send('a heist movie').result();
    const resumed = recommender.session({ userId: 'ana', sessionId: session.id });
    const why = await resumed.send('tell me about the second one').result();
    expect(why.reply).toContain(first.recommendations[1]!.item.title);
  });

  it('says so when a named title is not in the catalog', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('something like Zorblax Returns From Mars').result();
    expect(result.reply).toMatch(/couldn't find "Zorblax Returns From Mars"/);
    expect(result.recommendations.length).toBeGreaterThan(0);
  });

  it('answers impossible constraints helpfully, with no items and no error', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('only horror movies from before 1900').result();
    expect(result.recommendations).toEqual([]);
    expect(result.reply).toMatch(/Nothing in the catalog matches/);
  });

  it('streams events in order: turn-start first, recommendations, turn-end last', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const events: TurnEvent[] = [];
    for await (const event of session.send('a romantic comedy')) events.push(event);
    expect(events[0]?.type).toBe('turn-start');
    expect(events.at(-1)?.type).toBe('turn-end');
    const types = events.map((event) => event.type);
    expect(types).toContain('understanding');
    expect(types).toContain('tool-call');
    expect(types.indexOf('recommendations')).toBeLessThan(types.indexOf('turn-end'));
  });

  it('answers a greeting without recommending', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const result = await session.send('hi there').result();
    expect(result.intent).toBe('chit-chat');
    expect(result.recommendations).toEqual([]);
    expect(result.reply).toMatch(/Tell me/);
  });

  it('cancels a turn with an AbortSignal', async () => {
    const session = (await fresh()).session({ userId: 'ana' });
    const controller = new AbortController();
    controller.abort();
    await expect(session.send('a western', { signal: controller.signal }).result()).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});

describe('offline explanations', () => {
  it('only name genres, people and years the item really has', async () => {
    await fresh();
    const genres = new Set(retriever.catalog.items.flatMap((item) => item.genres));
    const people = new Set(retriever.catalog.items.flatMap((item) => item.people));
    const requests = [
      'something like Heat',
      'a funny movie with Tom Hanks',
      'scary movies from the 80s',
      'I loved The Godfather and Goodfellas',
      'a sci-fi movie after 2010',
    ];
    let checked = 0;
    for (const text of requests) {
      const result = await recommender.session({ userId: 'ana' }).send(text).result();
      for (const { item, reason } of result.recommendations) {
        const lower = reason.toLowerCase();
        for (const genre of genres) {
          if (new RegExp(`\\b${genre}\\b`).test(lower) && !/like|alongside|close to/.test(lower))
            expect(item.genres, `${item.title}: ${reason}`).toContain(genre);
        }
        for (const person of people) {
          if (reason.includes(`with ${person}`))
            expect(item.people, `${item.title}: ${reason}`).toContain(person);
        }
        for (const year of reason.match(/\b(19|20)\d\d\b/g) ?? []) expect(item.year).toBe(Number(year));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(byTitle('Heat')).toBeDefined();
  });
});
