import { describe, expect, it } from 'vitest';
import { ConvrecError } from '../../src/errors/index.js';
import type { ModelStreamPart } from '../../src/model/language-model.js';
import { ScriptedModel } from '../../src/model/scripted-model.js';
import { ask } from './wire-fixture.js';

describe('ScriptedModel', () => {
  it('answers from the script in order and records every request', async () => {
    const model = new ScriptedModel(
      [
        { purpose: 'understand', text: '{"intent":"recommend"}' },
        { toolCalls: [{ name: 'search_catalog', arguments: { query: 'heist' } }] },
        (request) => ({ text: `you said: ${request.messages.at(-1)?.content}` }),
      ],
      { modelId: 'script-a' },
    );
    expect(model).toMatchObject({ provider: 'scripted', modelId: 'script-a' });
    const first = await model.generate({
      ...ask('heist films', 'understand'),
      output: { name: 'u', schema: {} },
    });
    expect(first).toEqual({
      text: '{"intent":"recommend"}',
      toolCalls: [],
      finishReason: 'stop',
      outputMode: 'json-schema',
    });
    const second = await model.generate(ask('heist films', 'agent'));
    expect(second.finishReason).toBe('tool-calls');
    expect(second.toolCalls).toEqual([
      { id: 'call_2_0', name: 'search_catalog', arguments: '{"query":"heist"}' },
    ]);
    const third = await model.generate(ask('thanks'));
    expect(third.text).toBe('you said: thanks');
    expect(model.calls.map((call) => [call.method, call.purpose])).toEqual([
      ['generate', 'understand'],
      ['generate', 'agent'],
      ['generate', 'reply'],
    ]);
    expect(model.calls[0]!.output).toEqual({ name: 'u', schema: {} });
    model.assertComplete();
  });

  it('streams the text in a few deltas, then tool calls, then one finish', async () => {
    const model = new ScriptedModel([
      {
        text: 'Heat is a tense crime film with a great cast.',
        toolCalls: [{ id: 'c1', name: 'show_items', arguments: '{"ids":["m1"]}' }],
        usage: { inputTokens: 10, outputTokens: 9 },
      },
    ]);
    const parts: ModelStreamPart[] = [];
    for await (const part of model.stream(ask('a film'))) parts.push(part);
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Heat is a tense crime film with a great cast.');
    expect(parts.slice(deltas.length).map((part) => part.type)).toEqual(['tool-call', 'finish']);
    const finish = parts.at(-1)!;
    expect(finish.type === 'finish' && finish.result.usage).toEqual({ inputTokens: 10, outputTokens: 9 });
    expect(model.calls[0]!.method).toBe('stream');
  });

  it('throws a scripted error', async () => {
    const failure = new ConvrecError('MODEL_TIMEOUT', 'too slow', { retryable: true });
    const model = new ScriptedModel([{ error: failure }]);
    await expect(model.generate(ask('a film'))).rejects.toBe(failure);
    model.assertComplete();
  });

  it('refuses an unscripted call, naming its purpose and the last user message', async () => {
    const model = new ScriptedModel([]);
    const error = await model
      .generate(ask('something with Keanu', 'rerank'))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_UNSCRIPTED_CALL' });
    expect((error as Error).message).toMatch(/"rerank".*"something with Keanu"/);
    expect(model.calls).toHaveLength(1);
  });

  it('refuses a call for another purpose than the step expects, and keeps the step', async () => {
    const model = new ScriptedModel([{ purpose: 'understand', text: '{}' }]);
    const error = await model.generate(ask('hi', 'reply')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_UNSCRIPTED_CALL' });
    expect((error as Error).message).toMatch(/expects purpose "understand".*"reply"/);
    expect(model.remaining).toBe(1);
    const streamed = model.stream(ask('hi', 'reply'))[Symbol.asyncIterator]().next();
    await expect(streamed).rejects.toMatchObject({ code: 'MODEL_UNSCRIPTED_CALL' });
  });

  it('assertComplete names the steps never used', async () => {
    const model = new ScriptedModel([
      { purpose: 'understand', text: '{}' },
      { purpose: 'rerank', text: '[]' },
    ]);
    await model.generate(ask('hi', 'understand'));
    expect(() => model.assertComplete()).toThrow(/1 scripted step\(s\).*rerank/);
  });

  it('honours an aborted signal without using a step', async () => {
    const model = new ScriptedModel([{ text: 'Heat' }]);
    const controller = new AbortController();
    controller.abort();
    await expect(model.generate(ask('a film'), controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(model.remaining).toBe(1);
  });
});
