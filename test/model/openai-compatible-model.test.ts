import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ask, collect, wireModel } from './wire-fixture.js';

const filmSchema = {
  type: 'object',
  properties: { title: { type: 'string' } },
  required: ['title'],
  additionalProperties: false,
};
const structured = (content: string): GenerateRequest => ({
  ...ask(content, 'understand'),
  output: { name: 'film', schema: filmSchema },
});

describe('OpenAIChatModel against the OpenAI wire format', () => {
  it('answers with text, the finish reason and the usage the server reported', async () => {
    const { server, model } = await wireModel([
      { text: 'Try Heat (1995).', usage: { promptTokens: 12, completionTokens: 5 } },
    ]);
    const result = await model.generate({ ...ask('a heist film'), maxOutputTokens: 50, temperature: 0.2 });
    expect(result).toEqual({
      text: 'Try Heat (1995).',
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 5 },
    });
    const body = server.requests[0]!;
    expect(body).toMatchObject({ model: 'wire-model', max_tokens: 50, temperature: 0.2 });
    expect(body.messages).toEqual([
      { role: 'system', content: 'You recommend films.' },
      { role: 'user', content: 'a heist film' },
    ]);
    expect(body.response_format).toBeUndefined();
    expect(body.tools).toBeUndefined();
  });

  it('streams text deltas in order and ends with one finish carrying the usage', async () => {
    const text = 'Heat is a tense crime film with a great cast.';
    const { server, model } = await wireModel([{ text, chunkSize: 5 }]);
    const { parts, error } = await collect(model, ask('a heist film'));
    expect(error).toBeUndefined();
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(text);
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    const last = parts.at(-1)!;
    expect(last.type).toBe('finish');
    if (last.type === 'finish') {
      expect(last.result.text).toBe(text);
      expect(last.result.finishReason).toBe('stop');
      expect(last.result.usage?.outputTokens).toBeGreaterThan(0);
    }
    expect(server.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('sends tools and replays tool results in the wire format, and reads tool calls', async () => {
    const { server, model } = await wireModel([
      { toolCalls: [{ id: 'call_a', name: 'search_catalog', arguments: { query: 'heist', k: 5 } }] },
    ]);
    const result = await model.generate({
      purpose: 'agent',
      messages: [
        { role: 'user', content: 'heist films' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_0', name: 'search_catalog', arguments: '{"query":"crime"}' }],
        },
        { role: 'tool', toolCallId: 'call_0', content: '1. Heat (1995)' },
      ],
      tools: [
        {
          name: 'search_catalog',
          description: 'Search the catalog',
          parameters: { type: 'object', properties: { query: { type: 'string' } } },
        },
      ],
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'call_a', name: 'search_catalog', arguments: '{"query":"heist","k":5}' },
    ]);
    const body = server.requests[0]!;
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'search_catalog',
          description: 'Search the catalog',
          parameters: { type: 'object', properties: { query: { type: 'string' } } },
        },
      },
    ]);
    expect(body.messages?.[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_0',
          type: 'function',
          function: { name: 'search_catalog', arguments: '{"query":"crime"}' },
        },
      ],
    });
    expect(body.messages?.[2]).toEqual({ role: 'tool', tool_call_id: 'call_0', content: '1. Heat (1995)' });
  });

  it('assembles streamed tool-call arguments by index, after the text and before the finish', async () => {
    const { model } = await wireModel([
      {
        text: 'Searching.',
        toolCalls: [
          { id: 'call_a', name: 'search_catalog', arguments: { query: 'heist films from the nineties' } },
          { id: 'call_b', name: 'similar_items', arguments: { itemId: 'm7', k: 3 } },
        ],
      },
    ]);
    const { parts, error } = await collect(model, ask('heist films'));
    expect(error).toBeUndefined();
    expect(parts.map((part) => part.type)).toEqual([
      'text-delta',
      'text-delta',
      'text-delta',
      'tool-call',
      'tool-call',
      'finish',
    ]);
    const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.call] : []));
    expect(calls).toEqual([
      { id: 'call_a', name: 'search_catalog', arguments: '{"query":"heist films from the nineties"}' },
      { id: 'call_b', name: 'similar_items', arguments: '{"itemId":"m7","k":3}' },
    ]);
    const finish = parts.at(-1)!;
    expect(finish.type === 'finish' && finish.result.finishReason).toBe('tool-calls');
    expect(finish.type === 'finish' && finish.result.toolCalls).toEqual(calls);
  });
});

describe('structured output', () => {
  it('asks for a strict JSON schema first and reports the mode', async () => {
    const { server, model } = await wireModel([{ json: { title: 'Heat' } }]);
    const result = await model.generate(structured('one film'));
    expect(result.text).toBe('{"title":"Heat"}');
    expect(result.outputMode).toBe('json-schema');
    expect(server.requests[0]!.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'film', schema: filmSchema, strict: true },
    });
    // The server enforces the schema: it is not repeated in the prompt.
    expect(server.requests[0]!.messages?.[0]?.content).toBe('You recommend films.');
  });

  it('in json-object mode asks for JSON and puts the schema in the system message', async () => {
    const { server, model } = await wireModel([{ json: { title: 'Heat' } }], { outputMode: 'json-object' });
    const result = await model.generate(structured('one film'));
    expect(result.outputMode).toBe('json-object');
    const body = server.requests[0]!;
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages?.[0]?.content).toMatch(/^You recommend films\.\n\n/);
    expect(body.messages?.[0]?.content).toContain(JSON.stringify(filmSchema));
  });

  it('in text mode sends no response format but the schema and a JSON-only rule', async () => {
    const { server, model } = await wireModel([{ json: { title: 'Heat' } }], { outputMode: 'text' });
    const result = await model.generate({
      ...structured('one film'),
      messages: [{ role: 'user', content: 'one film' }],
    });
    expect(result.outputMode).toBe('text');
    const body = server.requests[0]!;
    expect(body.response_format).toBeUndefined();
    expect(body.messages?.[0]?.role).toBe('system');
    expect(body.messages?.[0]?.content).toMatch(/JSON only/);
    expect(body.messages?.[0]?.content).toContain(JSON.stringify(filmSchema));
  });

  it('falls back from json-schema to json-object to text on a server without them, and remembers', async () => {
    const { server, model } = await wireModel(
      [{ json: { title: 'Heat' } }, { json: { title: 'Ronin' } }],
      {},
      { rejectResponseFormats: ['json_schema', 'json_object'] },
    );
    expect(model.currentOutputMode).toBe('json-schema');
    const first = await model.generate(structured('one film'));
    expect(first.outputMode).toBe('text');
    expect(first.text).toBe('{"title":"Heat"}');
    expect(server.requests.map((body) => body.response_format?.type ?? 'none')).toEqual([
      'json_schema',
      'json_object',
      'none',
    ]);
    expect(model.currentOutputMode).toBe('text');
    const second = await model.generate(structured('another film'));
    expect(second.outputMode).toBe('text');
    expect(server.requests).toHaveLength(4);
    expect(server.requests[3]!.response_format).toBeUndefined();
  });

  it('falls back when streaming too, and stops at the first mode the server accepts', async () => {
    const { server, model } = await wireModel(
      [{ json: { title: 'Heat' } }],
      {},
      { rejectResponseFormats: ['json_schema'] },
    );
    const { parts, error } = await collect(model, structured('one film'));
    expect(error).toBeUndefined();
    const finish = parts.at(-1)!;
    expect(finish.type === 'finish' && finish.result.outputMode).toBe('json-object');
    expect(server.requests.map((body) => body.response_format?.type)).toEqual(['json_schema', 'json_object']);
    expect(model.currentOutputMode).toBe('json-object');
  });

  it('does not fall back when the mode was chosen explicitly', async () => {
    const { server, model } = await wireModel(
      [],
      { outputMode: 'json-schema' },
      { rejectResponseFormats: ['json_schema'] },
    );
    const error = await model.generate(structured('one film')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_REQUEST_INVALID', retryable: false });
    expect((error as Error).message).toMatch(/json_schema/);
    expect(server.requests).toHaveLength(1);
  });
});
