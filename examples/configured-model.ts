/**
 * Shared by the examples (not one itself): the chat model the environment asks for, or none for
 * offline mode. OPENAI_API_KEY alone means OpenAI (gpt-4o-mini unless CONVREC_MODEL says otherwise);
 * OPENAI_BASE_URL means a local or other OpenAI-compatible server and needs CONVREC_MODEL.
 */
import { OpenAIChatModel, type ConvrecConfig, type LanguageModel } from 'convrec';

/** `{ model }` to spread into createRecommender's options, or `{}`; exits with a message when half-configured. */
export function configuredModel(config: ConvrecConfig): { model?: LanguageModel } {
  const { apiKey, baseURL, model, timeoutMs, maxRetries } = config.openai;
  if (!apiKey && !baseURL) return {};
  if (baseURL && !model) {
    console.error(`OPENAI_BASE_URL is set (${baseURL}) but CONVREC_MODEL is not: name the model to use.`);
    process.exit(1);
  }
  return {
    model: new OpenAIChatModel({
      model: model ?? 'gpt-4o-mini',
      ...(apiKey ? { apiKey } : {}),
      ...(baseURL ? { baseURL } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(maxRetries !== undefined ? { maxRetries } : {}),
    }),
  };
}
