import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommender } from '../../src/agent/create-recommender.js';
import type { Session } from '../../src/agent/session.js';
import { ConvrecError } from '../../src/errors/index.js';
import { defaultLimits } from '../../src/limits/index.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

/** Every offline turn on a message up to the limit must finish within this (typically < 150 ms). */
const turnBoundMs = 2_000;
const limit: number = defaultLimits.maxMessageChars;

let retriever: Retriever;
let dispose: () => Promise<void>;
let recommender: Recommender;
const timings: [string, number][] = [];
let slowestMs = 0;

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
  recommender = await createRecommender({ retriever });
}, 60_000);

afterAll(async () => {
  await dispose();
  // CONVREC_RELIABILITY_REPORT=1 prints the named cases' times (for the README's table).
  if (process.env.CONVREC_RELIABILITY_REPORT) {
    console.log(timings.map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} ms |`).join('\n'));
    console.log(`slowest turn of all: ${slowestMs.toFixed(0)} ms`);
  }
});

/** Sends `text` and checks the turn: within the bound, and either a result of catalog items or a ConvrecError. */
async function boundedTurn(session: Session, text: string): Promise<number> {
  const started = performance.now();
  let thrown: unknown;
  const result = await session
    .send(text)
    .result()
    .catch((error: unknown) => {
      thrown = error;
      return undefined;
    });
  const ms = performance.now() - started;
  slowestMs = Math.max(slowestMs, ms);
  if (thrown !== undefined && !(thrown instanceof ConvrecError)) throw thrown;
  expect(ms).toBeLessThan(turnBoundMs);
  for (const entry of result?.recommendations ?? []) {
    expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
  }
  return ms;
}

const fill = (piece: string, length = limit) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
/** `piece` repeated up to `limit` characters (code points), never splitting one. */
const fillChars = (piece: string) =>
  Array.from(fill(piece, limit * 2))
    .slice(0, limit)
    .join('');

const titles = () => retriever.catalog.items.map((item) => item.title);

/** Long and pathological messages, each sent to a fresh session (after one ordinary turn when `primed`). */
const namedCases: { name: string; text: () => string; primed?: boolean }[] = [
  { name: 'one 4,000-letter word', text: () => fill('a') },
  { name: 'one 4,000-character word of mixed letters', text: () => fill('heistzorblaxquiet') },
  { name: 'repeated "!?"', text: () => fill('!?') },
  { name: '4,000 dots', text: () => fill('.') },
  { name: 'nested round brackets', text: () => '('.repeat(limit / 2) + ')'.repeat(limit / 2) },
  { name: 'nested mixed brackets', text: () => '([{<'.repeat(limit / 8) + '>}])'.repeat(limit / 8) },
  { name: '4,000 double quotes', text: () => fill('"') },
  { name: 'regex metacharacters', text: () => fill('.*+?^${}()|[]\\') },
  { name: 'every catalog title, comma-separated', text: () => fill(titles().join(', ') + ', ') },
  {
    name: 'liked and disliked titles',
    text: () =>
      fill(
        titles()
          .map((title, index) => `I ${index % 2 ? 'hated' : 'loved'} ${title}. `)
          .join(''),
      ),
  },
  {
    name: 'titles in quotes and brackets',
    text: () =>
      fill(
        titles()
          .map((title) => `"${title}" (${title}) `)
          .join(''),
      ),
  },
  { name: 'unknown capitalized titles', text: () => fill('have you seen The Big Zorblax Returns Again? ') },
  { name: 'repeated negations', text: () => fill('not ') },
  { name: '"like" 800 times', text: () => fill('like ') },
  { name: 'years and ranges', text: () => fill('between 1990 and 2000, after 1980, before 2010, the 80s, ') },
  { name: 'digits only', text: () => fill('1234567890') },
  {
    name: 'genres and people',
    text: () => fill('a crime thriller with Al Pacino by Michael Mann, no horror, '),
  },
  {
    name: 'references to shown items',
    text: () => fill('not the first one, more like the second, why the third? '),
    primed: true,
  },
  {
    name: '"more like the second one" repeated',
    text: () => fill('more like the second one '),
    primed: true,
  },
  { name: 'literal @title and @ref tokens', text: () => fill('@title @ref @@ ') },
  { name: '4,000 emoji (8,000 UTF-16 units)', text: () => fillChars('🎬') },
  { name: 'combining accents', text: () => fill('e\u0301') },
  { name: 'zero-width and bidi characters', text: () => fill('a\u200b\u202e\u2066b\u2028') },
  { name: 'C0 and C1 control characters', text: () => fill('\u0000\u0007\u001b\u007f\u0085\u009b') },
  { name: 'terminal escape sequences', text: () => fill('\u001b]0;title\u0007\u001b[2J\u001b[31m') },
  { name: 'lone surrogates', text: () => fill('\ud800x\udc00') },
  { name: 'CJK text', text: () => fill('東京物語のような静かな映画 ') },
  { name: 'Arabic text', text: () => fill('فيلم هادئ مثل ') },
  { name: 'whitespace only', text: () => fill(' \t\n') },
  { name: '2,000 short lines', text: () => fill('a\n') },
  { name: 'URLs', text: () => fill('https://example.com/film?q=heat&x=(1) ') },
  { name: 'mixed-case title soup', text: () => fill('hEaT aLiEn ThE mAtRiX ') },
];

describe('offline turns on long and pathological input finish within the bound', () => {
  it.each(namedCases)('$name', async ({ name, text, primed }) => {
    const session = recommender.session({ userId: 'probe' });
    if (primed) await session.send('a heist movie').result();
    const message = text();
    expect(Array.from(message).length).toBeLessThanOrEqual(limit);
    timings.push([name, await boundedTurn(session, message)]);
  });
});

/** Pieces that stress the reader: titles, negations, years, references, brackets, odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    'Heat',
    'The Godfather',
    'Alien',
    'not',
    "don't",
    'like',
    'but',
    'after 2000',
    'before 1990',
    'the second one',
    'more',
    'why',
    '(',
    ')',
    '[',
    ']',
    '"',
    '!',
    '?',
    '...',
    '\n',
    '🎬',
    '\u202e',
    '\u001b[2J',
    '@title',
    'Zorblax',
    'I loved',
    'I hated',
    'something older',
    'no horror',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const soup = fc
  .array(piece, { minLength: 1, maxLength: 800 })
  .map((pieces) => Array.from(pieces.join(' ')).slice(0, limit).join(''));

describe('property: any message up to the limit gives a bounded turn and only ConvrecErrors', () => {
  it('random Unicode strings (any code point, up to the limit)', async () => {
    const session = recommender.session({ userId: 'fuzz' });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: limit }), async (text) => {
        await boundedTurn(session, text);
      }),
      { numRuns: 30 },
    );
  });

  it('raw UTF-16 units, lone surrogates included', async () => {
    const session = recommender.session({ userId: 'fuzz' });
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: limit })
      .map((codes) => String.fromCharCode(...codes));
    await fc.assert(
      fc.asyncProperty(units, async (text) => {
        await boundedTurn(session, text);
      }),
      { numRuns: 10 },
    );
  });

  it('word soup of titles, negations, years, references, brackets and escapes', async () => {
    await fc.assert(
      fc.asyncProperty(soup, async (text) => {
        await boundedTurn(recommender.session({ userId: 'fuzz' }), text);
      }),
      { numRuns: 40 },
    );
  });

  it('very long single words', async () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé'),
      minLength: 500,
      maxLength: limit,
    });
    await fc.assert(
      fc.asyncProperty(word, async (text) => {
        await boundedTurn(recommender.session({ userId: 'fuzz' }), text);
      }),
      { numRuns: 8 },
    );
  });

  it('conversations of several such messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(soup, { minLength: 2, maxLength: 3 }), async (messages) => {
        const session = recommender.session({ userId: 'fuzz' });
        for (const text of messages) await boundedTurn(session, text);
      }),
      { numRuns: 6 },
    );
  });

  it('anything over the limit is refused with INPUT_TOO_LONG at once', async () => {
    const session = recommender.session({ userId: 'fuzz' });
    const over = fc
      .tuple(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }),
        fc.integer({ min: limit + 1, max: 200_000 }),
      )
      .map(([seed, length]) => fill(seed, length))
      .filter((text) => Array.from(text).length > limit);
    await fc.assert(
      fc.asyncProperty(over, async (text) => {
        const started = performance.now();
        await expect(session.send(text).result()).rejects.toMatchObject({ code: 'INPUT_TOO_LONG' });
        expect(performance.now() - started).toBeLessThan(100);
      }),
      { numRuns: 10 },
    );
    expect((await session.state()).turns).toBe(0);
  });
});
