import { describe, expect, it } from 'vitest';
import { ConvrecError } from '../../src/errors/index.js';
import { ask, collect, wireModel } from './wire-fixture.js';

const failure = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((caught: unknown) => caught);

describe('OpenAIChatModel failures and retries', () => {
  it('waits as a 429 asks and then succeeds', async () => {
    const { server, model } = await wireModel(
      [{ status: 429, message: 'slow down', retryAfter: 0 }, { text: 'Heat' }],
      { maxRetries: 1 },
    );
    const result = await model.generate(ask('a film'));
    expect(result.text).toBe('Heat');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a rate limit that outlasts the retries as retryable MODEL_RATE_LIMIT', async () => {
    const { server, model } = await wireModel(
      [
        { status: 429, message: 'slow down', retryAfter: 0 },
        { status: 429, message: 'slow down', retryAfter: 0 },
      ],
      { maxRetries: 1 },
    );
    const error = await failure(model.generate(ask('a film')));
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'MODEL_RATE_LIMIT', retryable: true });
    expect((error as Error).message).toMatch(/slow down/);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a server error and succeeds', async () => {
    const { server, model } = await wireModel(
      [{ status: 500, message: 'overloaded', retryAfter: 0 }, { text: 'Heat' }],
      {
        maxRetries: 2,
      },
    );
    expect((await model.generate(ask('a film'))).text).toBe('Heat');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a persistent server error as retryable MODEL_UNAVAILABLE', async () => {
    const { model } = await wireModel([{ status: 503, message: 'down for maintenance' }]);
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: true });
    expect((error as Error).message).toMatch(/HTTP 503.*down for maintenance/);
  });

  it('does not retry a bad request', async () => {
    const { server, model } = await wireModel(
      [{ status: 400, message: 'context length exceeded' }, { text: 'never' }],
      {
        maxRetries: 3,
      },
    );
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_REQUEST_INVALID', retryable: false });
    expect((error as Error).message).toMatch(/context length exceeded/);
    expect(server.requests).toHaveLength(1);
  });

  it('names the API key when the server refuses it', async () => {
    const { model } = await wireModel([{ status: 401, message: 'Incorrect API key provided' }]);
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_REQUEST_INVALID', retryable: false });
    expect((error as Error).message).toMatch(/API key/);
  });

  it('times out a server that does not answer', async () => {
    const { model } = await wireModel([{ text: 'late', delayMs: 1_500 }], { timeoutMs: 150 });
    const started = Date.now();
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('times out a stream that goes silent', async () => {
    const { model } = await wireModel([{ text: 'Heat is a crime film.', truncate: 'stall' }], {
      timeoutMs: 200,
    });
    const { parts, error } = await collect(model, ask('a film'));
    expect(parts.some((part) => part.type === 'text-delta')).toBe(true);
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', retryable: true });
  });

  it('stops at once when the caller aborts, before or during a call', async () => {
    const { server, model } = await wireModel([{ text: 'late', delayMs: 1_500 }]);
    const aborted = new AbortController();
    aborted.abort();
    expect(await failure(model.generate(ask('a film'), aborted.signal))).toMatchObject({ code: 'ABORTED' });
    expect(server.requests).toHaveLength(0);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await failure(model.generate(ask('a film'), controller.signal))).toMatchObject({
      code: 'ABORTED',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops a stream when the caller aborts between deltas', async () => {
    const { model } = await wireModel([{ text: 'Heat is a tense crime film with a great cast.' }]);
    const controller = new AbortController();
    const parts: string[] = [];
    const error = await failure(
      (async () => {
        for await (const part of model.stream(ask('a film'), controller.signal)) {
          parts.push(part.type);
          controller.abort();
        }
      })(),
    );
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(parts).toEqual(['text-delta']);
  });

  it.each(['abrupt', 'clean'] as const)(
    'throws retryable MODEL_UNAVAILABLE for a stream cut off without a finish (%s)',
    async (truncate) => {
      const { model } = await wireModel([
        { text: 'Heat is a tense crime film with a great cast.', truncate },
      ]);
      const { parts, error } = await collect(model, ask('a film'));
      expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: true });
      expect(parts.some((part) => part.type === 'finish')).toBe(false);
    },
  );

  it('turns a malformed stream chunk into a typed error', async () => {
    const { model } = await wireModel([{ text: 'Heat is a tense crime film.', malformedChunk: true }]);
    const { parts, error } = await collect(model, ask('a film'));
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('turns a malformed JSON body into a typed error', async () => {
    const { model } = await wireModel([{ malformedBody: '{"id": "chatcmpl-1", "choices": [' }]);
    const error = await failure(model.generate(ask('a film')));
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: true });
  });

  it('refuses an answer that is JSON but not a chat completion, pointing at the base URL', async () => {
    const { model } = await wireModel([{ malformedBody: '{"status": "ok"}' }]);
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: false });
    expect((error as Error).message).toMatch(/base URL/);
  });

  it('reports a truncated JSON body as retryable', async () => {
    const { model } = await wireModel([{ text: 'Heat is a tense crime film.', truncate: 'abrupt' }]);
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', retryable: true });
  });
});

describe('OpenAIChatModel waits', () => {
  it('does not sleep through a retry-after longer than a minute, and says how long was asked', async () => {
    const { server, model } = await wireModel(
      [{ status: 429, message: 'daily quota used', retryAfter: 3600 }, { text: 'never' }],
      { maxRetries: 2 },
    );
    const error = await failure(model.generate(ask('a film')));
    expect(error).toMatchObject({ code: 'MODEL_RATE_LIMIT', retryable: true });
    expect((error as Error).message).toMatch(/wait 3600s/);
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const { server, model } = await wireModel([{ status: 429, message: 'slow down', retryAfter: 30 }], {
      maxRetries: 1,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await failure(model.generate(ask('a film'), controller.signal))).toMatchObject({
      code: 'ABORTED',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });
});
