import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { RetryBudget } from '../../src/model/retry-budget.js';
import { ask, collect, wireModel } from './wire-fixture.js';

const failure = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((caught: unknown) => caught);

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

const longText = 'Heat is a tense crime film with a great cast. '.repeat(40);

describe('OpenAIChatModel deadlines', () => {
  it('cuts a stream that drips one byte at a time at the deadline, counted from the request', async () => {
    const { model } = await wireModel([{ text: longText, dripMs: 5 }], { timeoutMs: 2_000, deadlineMs: 400 });
    const started = Date.now();
    const { parts, error } = await collect(model, ask('a film'));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', retryable: true });
    expect((error as Error).message).toMatch(/within 400 ms of the request/);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(elapsed).toBeLessThan(400 + 600);
  });

  it('cuts a JSON body that drips one byte at a time at the deadline', async () => {
    const { model } = await wireModel([{ text: longText, dripMs: 5 }], { deadlineMs: 300 });
    const started = Date.now();
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(300 + 600);
  });

  it('stops retrying a hanging server when the shared retry budget is spent', async () => {
    const { server, model } = await wireModel(() => ({ hang: true }), { maxRetries: 10, deadlineMs: 100 });
    const retryBudget = new RetryBudget(1);
    const limited = model.withLimits({ retryBudget });
    const first = await failure(limited.generate(ask('a film')));
    expect(first).toMatchObject({ code: 'MODEL_TIMEOUT' });
    expect(server.requests).toHaveLength(2);
    // The next call of the same turn gets no retry at all.
    const second = await failure(limited.generate(ask('a film')));
    expect(second).toMatchObject({ code: 'MODEL_TIMEOUT' });
    expect(server.requests).toHaveLength(3);
    expect(retryBudget.used).toBe(1);
  });

  it("stops a running call with TURN_DEADLINE_EXCEEDED (not ABORTED) when the turn's time is up", async () => {
    const { server, model } = await wireModel(() => ({ hang: true }), { maxRetries: 5, deadlineMs: 5_000 });
    const turn = new AbortController();
    setTimeout(() => turn.abort(), 150);
    const limited = model.withLimits({ turnDeadline: turn.signal });
    const started = Date.now();
    const error = await failure(limited.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'TURN_DEADLINE_EXCEEDED', retryable: false });
    expect(Date.now() - started).toBeLessThan(150 + 600);
    // A call after the deadline fails at once, without a request.
    const requests = server.requests.length;
    expect(await failure(limited.generate(ask('a film')))).toMatchObject({ code: 'TURN_DEADLINE_EXCEEDED' });
    expect(server.requests).toHaveLength(requests);
  });

  it('leaves no abort listener on the caller’s signal, however many calls and retries share it', async () => {
    process.on('warning', onWarning);
    const replies = Array.from({ length: 15 }, () => [
      { status: 500, message: 'overloaded', retryAfter: 0 },
      { text: 'Heat' },
    ]).flat();
    const { server, model } = await wireModel(replies, { maxRetries: 1 });
    const controller = new AbortController();
    for (let call = 0; call < 15; call++) {
      expect((await model.generate(ask('a film'), controller.signal)).text).toBe('Heat');
    }
    expect(server.requests).toHaveLength(30);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

describe('OpenAIChatModel output cap', () => {
  it('cuts a stream that passes the cap with MODEL_OUTPUT_INVALID, not retried', async () => {
    const { server, model } = await wireModel([{ text: 'x'.repeat(5_000), chunkSize: 100 }, { text: 'ok' }], {
      maxOutputChars: 1_000,
      maxRetries: 2,
    });
    const { parts, error } = await collect(model, ask('a film'));
    expect(error).toMatchObject({ code: 'MODEL_OUTPUT_INVALID', retryable: false });
    const streamed = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
    expect(streamed.length).toBeLessThanOrEqual(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a non-streamed answer over the cap, text or tool arguments', async () => {
    const { model } = await wireModel(
      [
        { text: 'y'.repeat(1_500) },
        { toolCalls: [{ name: 'search_catalog', arguments: { query: 'z'.repeat(1_500) } }] },
        { text: 'w'.repeat(500_000) },
      ],
      { maxOutputChars: 1_000 },
    );
    for (let call = 0; call < 3; call++) {
      expect(await failure(model.generate(ask('a film')))).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    }
  });

  it('passes an answer under the cap unchanged', async () => {
    const { model } = await wireModel([{ text: 'Heat' }], { maxOutputChars: 1_000, deadlineMs: 2_000 });
    expect((await model.generate(ask('a film'))).text).toBe('Heat');
  });
});
