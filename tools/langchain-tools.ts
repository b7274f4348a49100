import { tool, type DynamicStructuredTool } from '@langchain/core/tools';
import { convrecTools, type ObjectToolDefinition } from './convrec-tools.js';
import { runTool } from './run-tool.js';
import type { ToolContext } from './tool-definition.js';

function combinedSignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length > 1 ? AbortSignal.any(present) : present[0];
}

/**
 * The same tools as LangChain tools bound to one context, for use inside a LangChain agent. Each
 * returns the tool's text as content and its data as the ToolMessage artifact; failures inside a tool
 * come back as text. Arguments that do not match the schema are rejected by LangChain itself
 * (ToolInputParsingException), which its agents return to the model.
 */
export function toLangChainTools(
  context: ToolContext,
  tools: readonly ObjectToolDefinition[] = convrecTools,
): DynamicStructuredTool[] {
  return tools.map((definition) =>
    tool(
      async (input, config) => {
        const signal = combinedSignal(context.signal, config?.signal);
        const result = await runTool(definition, input, { ...context, ...(signal ? { signal } : {}) });
        return result.ok ? [result.output.text, result.output.data] : [result.text, undefined];
      },
      {
        name: definition.name,
        description: definition.description,
        schema: definition.inputSchema,
        responseFormat: 'content_and_artifact',
      },
    ),
  );
}
