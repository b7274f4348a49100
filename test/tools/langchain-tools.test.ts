import { ToolMessage } from '@langchain/core/messages';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../src/retrieval/index.js';
import { convrecTools } from '../../tools/convrec-tools.js';
import { toLangChainTools } from '../../tools/langchain-tools.js';
import { toolContext, toyRetriever } from './tool-context.js';

let retriever: Retriever;
beforeAll(async () => {
  retriever = await toyRetriever();
});

describe('toLangChainTools', () => {
  it('offers every tool under the same name', () => {
    const tools = toLangChainTools(toolContext(retriever));
    expect(tools.map((tool) => tool.name)).toEqual(convrecTools.map((tool) => tool.name));
  });

  it('returns the tool text when invoked with arguments', async () => {
    const [search] = toLangChainTools(toolContext(retriever));
    const text = await search!.invoke({ queries: ['astronauts in outer space'], k: 2 });
    expect(typeof text).toBe('string');
    expect(text).toMatch(/^2 candidates/);
    expect(text).toMatch(/\n\[m[123]\] /);
  });

  it('answers a tool call with a ToolMessage carrying the text as content and the data as artifact', async () => {
    const tools = toLangChainTools(toolContext(retriever));
    const getItem = tools.find((tool) => tool.name === 'get_item')!;
    const message: unknown = await getItem.invoke({
      type: 'tool_call',
      id: 'call-1',
      name: 'get_item',
      args: { id: 'm4' },
    });
    expect(message).toBeInstanceOf(ToolMessage);
    const toolMessage = message as ToolMessage;
    expect(toolMessage.tool_call_id).toBe('call-1');
    expect(toolMessage.content).toMatch(/^\[m4\] Heat \(1995\)/);
    expect((toolMessage.artifact as { id: string }).id).toBe('m4');
  });

  it('records feedback for the bound user', async () => {
    const context = toolContext(retriever);
    const record = toLangChainTools(context).find((tool) => tool.name === 'record_feedback')!;
    expect(await record.invoke({ items: [{ id: 'm2', kind: 'liked' }] })).toBe(
      'Recorded: liked [m2] Moon Station (2009)',
    );
    expect((await context.profileStore.feedback('u1')).map((event) => event.itemId)).toEqual(['m2']);
  });

  it('rejects arguments that do not match the schema', async () => {
    const [search] = toLangChainTools(toolContext(retriever));
    await expect(search!.invoke({ queries: ['space'], k: 0 })).rejects.toThrow(
      /did not match expected schema/,
    );
  });
});
