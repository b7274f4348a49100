/**
 * convrec's tools inside a LangChain agent: `toLangChainTools()` gives StructuredTools bound to a
 * catalog, a profile store and a user; a tool-calling chat model drives them in the usual loop
 * (model → tool calls → ToolMessages → model, until it answers in text).
 *
 *   npx tsx examples/langchain-agent.ts "Heat"
 *
 * What is real here: the tools, their schemas, the catalog lookups and the LangChain messages and
 * loop. What is not: the chat model. @langchain/openai is not a dependency of convrec, so the model
 * below is a scripted stand-in that makes fixed moves (resolve the title it was given, ask for similar
 * items, list them); it reads no language. With a real model the loop is the same:
 *
 *   npm install @langchain/openai
 *   import { ChatOpenAI } from '@langchain/openai';
 *   const chatModel = new ChatOpenAI({ model: 'gpt-4o-mini' });
 *   // a local server: new ChatOpenAI({ model: 'llama3.1', configuration: { baseURL: 'http://localhost:11434/v1' } })
 */
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { loadConfig, MemoryProfileStore, type Candidate } from 'convrec';
import { toLangChainTools, type TitleResolution } from 'convrec/tools';
import { openDemoRetriever } from './demo-retriever.js';

/** The standard tool-calling loop: works with any LangChain chat model that supports bindTools. */
async function runAgent(
  chatModel: BaseChatModel,
  agentTools: StructuredToolInterface[],
  messages: BaseMessage[],
  maxSteps = 5,
): Promise<string> {
  if (!chatModel.bindTools) throw new Error(`${chatModel._llmType()} cannot call tools`);
  const model = chatModel.bindTools(agentTools);
  const byName = new Map(agentTools.map((tool) => [tool.name, tool]));
  for (let step = 0; step < maxSteps; step++) {
    const reply = await model.invoke(messages);
    messages.push(reply);
    if (!reply.tool_calls?.length) return String(reply.content);
    for (const call of reply.tool_calls) {
      console.log(`model → ${call.name}(${JSON.stringify(call.args)})`);
      const tool = byName.get(call.name);
      // Invoked with the whole tool call, a tool answers with a ToolMessage (text + data artifact).
      const result: unknown = tool
        ? await tool.invoke(call).catch((error: unknown) => `${call.name} failed: ${String(error)}`)
        : `There is no tool named ${call.name}.`;
      const message =
        result instanceof ToolMessage
          ? result
          : new ToolMessage({ content: String(result), tool_call_id: call.id ?? call.name });
      console.log(`  ${String(message.content).split('\n').slice(0, 3).join('\n  ')}`);
      messages.push(message);
    }
  }
  return '(stopped: too many steps)';
}

/**
 * A stand-in for an LLM, for this example only: it resolves the title it was constructed with, asks
 * for similar items, then lists them. It never reads the conversation's words.
 */
class ScriptedToolCaller extends BaseChatModel {
  constructor(private readonly likedTitle: string) {
    super({});
  }

  _llmType(): string {
    return 'scripted-tool-caller';
  }

  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.nextMove(messages.filter(ToolMessage.isInstance).at(-1));
    return { generations: [{ message, text: String(message.content) }] };
  }

  private nextMove(last: ToolMessage | undefined): AIMessage {
    const call = (name: string, args: Record<string, unknown>) =>
      new AIMessage({ content: '', tool_calls: [{ id: `call-${name}`, name, args, type: 'tool_call' }] });
    if (!last) return call('resolve_titles', { titles: [this.likedTitle] });
    if (last.name === 'resolve_titles') {
      const [resolution] = last.artifact as TitleResolution[];
      const match = resolution?.matches[0];
      if (!match) return new AIMessage(`"${this.likedTitle}" is not in the catalog, so I cannot go from it.`);
      return call('similar_items', { ids: [match.item.id], k: 5 });
    }
    const similar = (last.artifact as Candidate[] | undefined) ?? [];
    const lines = similar.map(({ item }) => `- ${item.title}${item.year ? ` (${item.year})` : ''}`);
    return new AIMessage([`From the catalog, close to ${this.likedTitle}:`, ...lines].join('\n'));
  }
}

const title = process.argv.slice(2).join(' ').trim() || 'Heat';

const config = loadConfig();
const retriever = await openDemoRetriever(config);

const tools = toLangChainTools({
  retriever,
  profileStore: new MemoryProfileStore(),
  userId: 'example-user',
  sessionId: 'langchain-example',
  turn: 1,
  now: () => new Date().toISOString(),
});
console.log(`Tools: ${tools.map((tool) => tool.name).join(', ')}\n`);

const answer = await runAgent(new ScriptedToolCaller(title), tools, [
  new SystemMessage('You recommend movies from the catalog only. Use the tools; never invent titles.'),
  new HumanMessage(`Something like ${title}, please.`),
]);
console.log(`\nAnswer:\n${answer}`);
