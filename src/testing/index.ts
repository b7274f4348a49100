/**
 * Test seams for convrec users: a scripted model, a local OpenAI-compatible server, and scripted
 * dialogue tests (`describeDialogues(files, { describe, it, afterAll })` in vitest or jest).
 */
export {
  ScriptedModel,
  type ScriptedCall,
  type ScriptedFailure,
  type ScriptedModelOptions,
  type ScriptedResponse,
  type ScriptedStep,
  type ScriptedToolCall,
} from '../model/scripted-model.js';
export {
  startOpenAIWireServer,
  type OpenAIWireServer,
  type OpenAIWireServerOptions,
  type WireChatRequest,
  type WireHandler,
  type WireRequestBody,
} from './openai-wire-server.js';
export type {
  WireCompletionReply,
  WireEmbeddingDripReply,
  WireEmbeddingReply,
  WireErrorReply,
  WireHangReply,
  WireMalformedReply,
  WireReply,
  WireToolCall,
  WireUsage,
} from './wire-reply.js';
export {
  createDialogueRunner,
  describeDialogues,
  findDialogueScripts,
  formatReport,
  loadDialogueScript,
  type DialogueReport,
  type DialogueRunner,
  type DialogueRunnerOptions,
  type DialogueSuiteOptions,
  type ScriptReport,
  type TestApi,
} from '../dialogue-tests/index.js';
