import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import type { TurnEvent, TurnResult } from '../../src/agent/turn-events.js';
import type { TurnStream } from '../../src/agent/turn-stream.js';
import { titleWithYear } from '../../src/catalog/title-with-year.js';
import { ungroundedTitles } from '../../src/explain/grounded-prose.js';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ScriptedModel, type ScriptedResponse, type ScriptedStep } from '../../src/model/scripted-model.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { emptyUnderstanding, type Understanding } from '../../src/understanding/understanding-schema.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

// Finding 2 of issue 9: nothing the user sees names a title that is not a catalog item among this
// turn's picks (or the items the dialogue named).

let retriever: Retriever;
let dispose: () => Promise<void>;
const models: ScriptedModel[] = [];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

afterEach(() => {
  for (const model of models.splice(0)) model.assertComplete();
});

const understandStep = (input: Partial<Understanding> = {}): ScriptedStep => ({
  purpose: 'understand',
  text: JSON.stringify({ ...emptyUnderstanding(input.intent ?? 'recommend'), ...input }),
});

interface Card {
  handle: string;
  label: string;
}

function cardsOf(request: GenerateRequest): Card[] {
  const prompt = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  const block = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(prompt)?.[1] ?? '';
  return block.split('\n').map((line) => {
    const [handle, label] = line.split(' | ');
    return { handle: handle!, label: label! };
  });
}

/** A rerank answer written from the real cards: `REPLY: …` and one `N. handle | reason` per pick. */
function rerankStep(answer: (cards: Card[]) => { reply: string; picks: [string, string][] }) {
  return (request: GenerateRequest): ScriptedResponse => {
    const { reply, picks } = answer(cardsOf(request));
    const lines = picks.map(([handle, reason], index) => `${index + 1}. ${handle} | ${reason}`);
    return { text: [`REPLY: ${reply}`, ...lines].join('\n') };
  };
}

const firstFive = (cards: Card[]): [string, string][] =>
  cards.slice(0, 5).map((card) => [card.handle, 'A crew plans every move.']);

async function run(steps: ScriptedStep[], messages: string[]) {
  const model = new ScriptedModel(steps, { modelId: 'scripted-gpt' });
  models.push(model);
  const recommender = await createRecommender({
    retriever,
    model,
    profileStore: new MemoryProfileStore(),
    tokenCounter: approximateTokenCounter,
  });
  const session = recommender.session({ userId: 'ana' });
  let last: { events: TurnEvent[]; result: TurnResult } | undefined;
  for (const message of messages) last = await drain(session.send(message));
  return last!;
}

async function drain(stream: TurnStream): Promise<{ events: TurnEvent[]; result: TurnResult }> {
  const events: TurnEvent[] = [];
  for await (const event of stream) events.push(event);
  return { events, result: await stream.result() };
}

const streamed = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
const degradations = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'degraded' ? [event.degradation] : []));
/** Everything a user sees of a turn: streamed text, final reply, cards and notes. */
const visible = ({ events, result }: { events: TurnEvent[]; result: TurnResult }) =>
  [
    streamed(events),
    result.reply,
    ...result.recommendations.flatMap((entry) => [titleWithYear(entry.item), entry.reason]),
    ...result.degraded.map((degradation) => degradation.message),
  ].join('\n');

function expectCatalogPicks(result: TurnResult, count: number): void {
  expect(result.recommendations).toHaveLength(count);
  for (const entry of result.recommendations)
    expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
}

const heistUnderstanding = { queries: ['professional thieves plan a heist', 'bank robbery crew'] };

describe('the reply names only titles the turn shows', () => {
  it('replaces the prose of a model whose picks were rejected (the issue example)', async () => {
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep(() => ({
          reply: 'You will love The Matrix Resurrections 2 and Zorblax Returns (2031).',
          picks: [
            ['c91', 'Zorblax Returns is a blast.'],
            ['c92', 'The Matrix Resurrections 2 tops it.'],
            ['c93', ''],
            ['c94', ''],
            ['c95', ''],
          ],
        })),
      ],
      ['a clever heist movie'],
    );
    const { events, result } = turn;
    expect(visible(turn)).not.toMatch(/Zorblax|Resurrections|2031/);
    expectCatalogPicks(result, 5);
    // The offline reply, streamed once and before the list.
    expect(result.reply).toMatch(/^Here are 5/);
    expect(streamed(events)).toBe(result.reply);
    const types = events.map((event) => event.type);
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('recommendations'));
    expect(degradations(events)).toContainEqual(
      expect.objectContaining({
        stage: 'rerank',
        code: 'MODEL_OUTPUT_INVALID',
        message: expect.stringMatching(
          /none of the model's picks was a candidate, so its reply was replaced/,
        ),
      }),
    );
  });

  it('keeps a reply that names only shown picks when just some handles were unknown', async () => {
    let reply = '';
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep((cards) => {
          reply = `${cards[0]!.label} and ${cards[1]!.label} lead five crews that plan every move.`;
          return {
            reply,
            picks: [
              [cards[0]!.handle, 'First.'],
              ['c91', 'Gone.'],
              [cards[1]!.handle, 'Second.'],
            ],
          };
        }),
      ],
      ['a clever heist movie'],
    );
    expect(turn.result.reply).toBe(reply);
    expectCatalogPicks(turn.result, 5);
    expect(turn.result.degraded).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^reranker output repaired: unknown handle c91/),
      }),
    ]);
  });

  it('replaces prose that invents a title even when the picks are valid, and says so', async () => {
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep((cards) => ({
          reply: `If you liked Zorblax Returns (2031), ${cards[0]!.label} is the one to start with.`,
          picks: firstFive(cards),
        })),
      ],
      ['a clever heist movie'],
    );
    const { events, result } = turn;
    expect(visible(turn)).not.toMatch(/Zorblax/);
    expectCatalogPicks(result, 5);
    expect(result.reply).toMatch(/^Here are 5/);
    expect(streamed(events)).toBe(result.reply);
    expect(result.degraded).toEqual([
      expect.objectContaining({
        stage: 'rerank',
        code: 'MODEL_OUTPUT_INVALID',
        message: expect.stringMatching(/named 1 title that is not among this turn's picks/),
      }),
    ]);
    // The picks are still the model's.
    expect(result.recommendations.map((entry) => entry.reason)).toEqual(
      Array(5).fill('A crew plans every move.'),
    );
  });

  it('replaces prose naming a real catalog title that is not among the picks', async () => {
    const other = retriever.catalog.items.find((item) => item.title === 'Paddington 2')!;
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep((cards) => ({
          reply: `More fun than ${titleWithYear(other)}: five crews with a plan.`,
          picks: firstFive(cards.filter((card) => card.label !== titleWithYear(other))),
        })),
      ],
      ['a clever heist movie'],
    );
    expect(visible(turn)).not.toContain('Paddington');
    expect(turn.result.recommendations.map((entry) => entry.item.id)).not.toContain(other.id);
    expect(turn.result.degraded).toEqual([expect.objectContaining({ code: 'MODEL_OUTPUT_INVALID' })]);
  });

  it('rewrites a reason that names an invented title from the item, and keeps the others', async () => {
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep((cards) => ({
          reply: 'Five crews that plan every move.',
          picks: firstFive(cards).map(([handle, reason], index) =>
            index === 2 ? [handle, 'Better than "Zorblax Returns" ever was.'] : [handle, reason],
          ),
        })),
      ],
      ['a clever heist movie'],
    );
    const { result } = turn;
    expect(visible(turn)).not.toMatch(/Zorblax/);
    expect(result.reply).toBe('Five crews that plan every move.');
    const reasons = result.recommendations.map((entry) => entry.reason);
    expect(reasons.filter((reason) => reason === 'A crew plans every move.')).toHaveLength(4);
    expect(reasons[2]).toMatch(/\w/);
    expect(result.degraded).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^1 reason named titles not among the picks/),
      }),
    ]);
  });

  it('keeps prose that names only the picks and the titles the user named, word for word', async () => {
    let reply = '';
    const turn = await run(
      [
        understandStep({
          ...heistUnderstanding,
          mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }],
        }),
        rerankStep((cards) => {
          reply =
            `Like Heat, ${cards[0]!.label} and ${cards[1]!.label} follow a crew through one last job; ` +
            `"${cards[2]!.label.replace(/ \(\d{4}\)$/, '')}" keeps the Los Angeles nights.`;
          return { reply, picks: firstFive(cards) };
        }),
      ],
      ['something like Heat, with a clever crew'],
    );
    const { events, result } = turn;
    expect(result.reply).toBe(reply);
    expect(streamed(events)).toBe(reply);
    expect(result.degraded).toEqual([]);
    expectCatalogPicks(result, 5);
  });
});

describe('the answer about one item names only titles of the conversation', () => {
  const ask = (answer: (item: string) => string) => {
    let label = '';
    const steps: ScriptedStep[] = [
      understandStep(heistUnderstanding),
      rerankStep((cards) => {
        label = cards[0]!.label;
        return { reply: 'Five crews that plan every move.', picks: firstFive(cards) };
      }),
      understandStep({ intent: 'ask-about-item', referencedPosition: 1 }),
      () => ({ purpose: 'answer', text: answer(label) }),
    ];
    return run(steps, ['a clever heist movie', 'why the first?']);
  };

  it('streams the sentences that are grounded and stops at one that invents a title', async () => {
    const turn = await ask(
      (label) =>
        `${label} is built around one meticulous plan. It plays like Zorblax Returns (2031) with a bigger crew. The ending is quiet.`,
    );
    const { events, result } = turn;
    expect(visible(turn)).not.toMatch(/Zorblax|ending is quiet/);
    expect(result.reply).toMatch(/is built around one meticulous plan\.$/);
    expect(streamed(events).trim()).toBe(result.reply);
    expect(result.degraded).toEqual([
      expect.objectContaining({ stage: 'answer', code: 'MODEL_OUTPUT_INVALID' }),
    ]);
  });

  it("answers from the item's card when the first sentence invents a title", async () => {
    const turn = await ask(() => 'Fans of Zorblax Returns (2031) will love it.');
    const { events, result } = turn;
    expect(visible(turn)).not.toMatch(/Zorblax/);
    expect(streamed(events)).toBe('');
    // The offline answer starts with the item's title.
    expect(result.reply).toMatch(/^.+ \(\d{4}\)/);
    expect(result.degraded).toEqual([
      expect.objectContaining({ stage: 'answer', message: expect.stringMatching(/from the item's card/) }),
    ]);
  });
});

describe('the small-talk reply names only titles of the conversation', () => {
  /** The offline small-talk reply. */
  const plainReply = /^Hi! Tell me a movie you enjoyed, a genre or a mood/;
  const replaced = expect.objectContaining({
    stage: 'understand',
    code: 'MODEL_OUTPUT_INVALID',
    message: expect.stringMatching(/named 1 title that is not in this conversation, so it was replaced/),
  });

  it('replaces a chit-chat reply naming a catalog title nobody mentioned, and says so', async () => {
    const turn = await run(
      [
        understandStep({
          intent: 'chit-chat',
          reply: 'Hello! Have you seen Paddington 2? Tell me what you are in the mood for.',
        }),
      ],
      ['hello there'],
    );
    const { events, result } = turn;
    expect(visible(turn)).not.toContain('Paddington');
    expect(result.reply).toMatch(plainReply);
    expect(result.recommendations).toEqual([]);
    expect(degradations(events)).toEqual([replaced]);
    expect(result.degraded).toEqual([replaced]);
  });

  it('replaces a clarifying question that invents a title', async () => {
    const turn = await run(
      [
        understandStep({
          intent: 'clarify',
          reply: 'Do you mean something like Zorblax Returns (2031), or more of a comedy?',
        }),
      ],
      ['something good'],
    );
    expect(visible(turn)).not.toMatch(/Zorblax|2031/);
    expect(turn.result.reply).toMatch(plainReply);
    expect(turn.result.degraded).toEqual([replaced]);
  });

  it('keeps a reply naming the title the user liked', async () => {
    const reply = 'Nice, Paddington 2 is a warm one! Want more like Paddington 2, or something new?';
    const turn = await run(
      [
        understandStep({
          intent: 'chit-chat',
          mentionedTitles: [{ title: 'Paddington 2', sentiment: 'liked' }],
          reply,
        }),
      ],
      ['I loved Paddington 2'],
    );
    expect(turn.result.reply).toBe(reply);
    expect(turn.result.degraded).toEqual([]);
  });

  it('keeps a reply naming an item shown earlier in the conversation', async () => {
    let reply = '';
    const turn = await run(
      [
        understandStep(heistUnderstanding),
        rerankStep((cards) => {
          reply = `Glad you like them! Start with ${cards[1]!.label}, then ask for more.`;
          return { reply: 'Five crews that plan every move.', picks: firstFive(cards) };
        }),
        (): ScriptedResponse => ({
          text: JSON.stringify({ ...emptyUnderstanding('chit-chat'), reply }),
        }),
      ],
      ['a clever heist movie', 'thanks, these look great'],
    );
    expect(turn.result.reply).toBe(reply);
    expect(turn.result.degraded).toEqual([]);
  });
});

describe('ungroundedTitles', () => {
  it('finds quoted, capitalised and dated spans outside the allowed items, and nothing else', () => {
    const item = (id: string, title: string, year: number, people: string[], description: string) => ({
      id,
      title,
      year,
      genres: ['Crime', 'Thriller'],
      people,
      fields: { description },
    });
    const allowed = [
      item('h', 'Heat', 1995, ['Michael Mann', 'Al Pacino'], 'a detective hunts bank robbers in Los Angeles'),
      item('v', 'The Vault Job', 2001, ['Robert De Niro'], 'aging robbers plan one last heist'),
    ];
    const catalog = new Map([
      ['heat', [allowed[0]!]],
      ['ronin', [item('r', 'Ronin', 1998, [], '')]],
    ]);
    const context = {
      allowed,
      texts: ['something like Heat but less violent'],
      catalogTitled: (text: string) => catalog.get(text.toLowerCase()),
    };
    const cases: [string, string[]][] = [
      [
        'You will love The Matrix Resurrections 2 and Zorblax Returns (2031).',
        ['The Matrix Resurrections 2 and Zorblax Returns'],
      ],
      ['Here are two: Heat (1995) and The Vault Job, with Michael Mann energy.', []],
      ['Like Heat, both roam Los Angeles. Robert De Niro shines in The Vault Job.', []],
      ['Since you liked Heat, try Ronin too.', ['Ronin']],
      ['Start with The Vault Job (2001), then Heat.', []],
      ['Start with Zorblax Returns (2031).', ['Zorblax Returns']],
      ['Heat (1986) is the one.', ['Heat']],
      ['Try "Zorblax" tonight.', ['Zorblax']],
      ['These keep the tension of Heat without the gore. Al Pacino fans will enjoy them.', []],
    ];
    for (const [prose, expected] of cases) expect(ungroundedTitles(prose, context), prose).toEqual(expected);
  });
});
