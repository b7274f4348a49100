import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConvrecError } from '../../src/errors/index.js';
import { generateObject } from '../../src/model/generate-object.js';
import { ScriptedModel } from '../../src/model/scripted-model.js';
import { ask, wireModel } from './wire-fixture.js';

const pickSchema = z.object({
  title: z.string(),
  year: z.number().int(),
  reason: z.string().nullable(),
});

describe('generateObject', () => {
  it('asks with a strict schema derived from zod and returns the validated value', async () => {
    const model = new ScriptedModel([
      {
        purpose: 'understand',
        text: '```json\n{"title":"Heat","year":1995,"reason":null}\n```',
        usage: { inputTokens: 30, outputTokens: 12 },
      },
    ]);
    const { value, result, calls } = await generateObject({
      model,
      request: ask('a heist film', 'understand'),
      schema: pickSchema,
    });
    expect(value).toEqual({ title: 'Heat', year: 1995, reason: null });
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 12 });
    expect(calls).toHaveLength(1);
    const output = model.calls[0]!.output!;
    expect(output.name).toBe('understand');
    expect(output.schema).toMatchObject({
      type: 'object',
      required: ['title', 'year', 'reason'],
      additionalProperties: false,
    });
    model.assertComplete();
  });

  it('repairs an invalid answer once, showing the model its answer and the failing field', async () => {
    const model = new ScriptedModel([
      { text: '{"title":"Heat","year":"nineteen ninety-five","reason":null}' },
      { text: '{"title":"Heat","year":1995,"reason":"tense"}' },
    ]);
    const { value, result, calls } = await generateObject({
      model,
      request: ask('a heist film', 'understand'),
      schema: pickSchema,
    });
    expect(value).toEqual({ title: 'Heat', year: 1995, reason: 'tense' });
    expect(calls.map((call) => call.text)).toEqual([
      '{"title":"Heat","year":"nineteen ninety-five","reason":null}',
      '{"title":"Heat","year":1995,"reason":"tense"}',
    ]);
    expect(result).toBe(calls[1]);
    const repair = model.calls[1]!;
    expect(repair.purpose).toBe('understand');
    expect(repair.output).toEqual(model.calls[0]!.output);
    expect(repair.messages.at(-2)).toEqual({
      role: 'assistant',
      content: '{"title":"Heat","year":"nineteen ninety-five","reason":null}',
    });
    expect(repair.messages.at(-1)?.content).toMatch(/field "year"/);
    expect(repair.messages.at(-1)?.content).toContain(JSON.stringify(model.calls[0]!.output!.schema));
  });

  it('throws MODEL_OUTPUT_INVALID naming the field when the repair is invalid too', async () => {
    const model = new ScriptedModel([
      { text: 'I recommend Heat.' },
      { text: '{"title":"Heat","reason":null}' },
    ]);
    const error = await generateObject({
      model,
      request: ask('a heist film', 'understand'),
      schema: pickSchema,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    expect((error as Error).message).toMatch(/"understand".*after one repair attempt.*field "year"/);
    expect(model.calls).toHaveLength(2);
  });

  it('makes one call only when repair is off', async () => {
    const model = new ScriptedModel([{ text: 'no JSON here' }]);
    const error = await generateObject({
      model,
      request: ask('a heist film', 'understand'),
      schema: pickSchema,
      repair: false,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    expect((error as Error).message).toMatch(/no JSON value found/);
    expect(model.calls).toHaveLength(1);
  });

  it('accepts nulls for optional fields, which strict mode forces the model to send', async () => {
    const schema = z.object({ title: z.string(), year: z.number().optional() });
    const model = new ScriptedModel([{ text: '{"title":"Heat","year":null}' }]);
    const { value } = await generateObject({ model, request: ask('a film'), schema });
    expect(value).toEqual({ title: 'Heat' });
  });

  it('passes model failures through unchanged', async () => {
    const failure = new ConvrecError('MODEL_RATE_LIMIT', 'slow down', { retryable: true });
    const model = new ScriptedModel([{ error: failure }]);
    await expect(generateObject({ model, request: ask('a film'), schema: pickSchema })).rejects.toBe(failure);
  });

  it('works end to end over a server without structured output, repairing through the real adapter', async () => {
    const { server, model } = await wireModel(
      [
        { text: 'Sure: {"title":"Heat"}' },
        { text: 'Here it is: {"title":"Heat","year":1995,"reason":null}' },
      ],
      {},
      { rejectResponseFormats: ['json_schema', 'json_object'] },
    );
    const { value, calls } = await generateObject({
      model,
      request: ask('a heist film', 'understand'),
      schema: pickSchema,
    });
    expect(value).toEqual({ title: 'Heat', year: 1995, reason: null });
    expect(calls.map((call) => call.outputMode)).toEqual(['text', 'text']);
    // Two refused formats, the first answer, then the repair straight in text mode.
    expect(server.requests.map((body) => body.response_format?.type ?? 'none')).toEqual([
      'json_schema',
      'json_object',
      'none',
      'none',
    ]);
  });
});
