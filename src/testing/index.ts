/** Test seams for convrec users: a scripted model and a local OpenAI-compatible server. */
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
  WireErrorReply,
  WireMalformedReply,
  WireReply,
  WireToolCall,
  WireUsage,
} from './wire-reply.js';
