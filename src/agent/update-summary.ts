import { ConvrecError } from '../errors/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import { offlineProfileSummary } from '../profile/offline-summary.js';
import type { ProfileSummary } from '../profile/profile-store.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { degradationFrom } from './degradation.js';
import type { Degradation } from './turn-events.js';

/** What a summary update left in the store, and why the LLM did not write it when it should have. */
export interface SummaryUpdate {
  /** The stored summary; absent when the user has no feedback yet. */
  summary?: ProfileSummary;
  degraded?: Degradation;
}

/**
 * Rewrites a user's profile summary from their feedback. Offline (and between LLM summaries) it is
 * the extractive summary; with `useModel` and a model, the LLM writes it, falling back to offline.
 * An LLM-written summary is only replaced by another LLM summary.
 */
export async function updateProfileSummary(
  dependencies: AgentDependencies,
  userId: string,
  options: { useModel: boolean; signal?: AbortSignal },
): Promise<SummaryUpdate> {
  const { profileStore, retriever, model, prompts } = dependencies;
  const catalog = retriever.catalog;
  const events = await profileStore.feedback(userId);
  const previous = await profileStore.summary(userId);
  if (events.length === 0) return previous ? { summary: previous } : {};
  let degraded: Degradation | undefined;
  if (options.useModel && model && prompts) {
    const feedback = events
      .slice(-60)
      .flatMap((event) => {
        const item = catalog.byId.get(event.itemId);
        return item ? [`${event.kind}: ${titleWithYear(item)} (${item.genres.slice(0, 3).join(', ')})`] : [];
      })
      .join('\n');
    const { system, user } = prompts.summarize.render({
      catalog_kind: dependencies.catalogKind,
      previous_summary: previous?.text ?? '(none)',
      feedback,
    });
    try {
      const result = await model.generate(
        {
          purpose: 'summarize',
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          maxOutputTokens: 250,
          temperature: 0,
        },
        options.signal,
      );
      const text = result.text.trim();
      if (!text) throw new ConvrecError('MODEL_OUTPUT_INVALID', 'the model answered with empty text');
      const summary: ProfileSummary = {
        text: text.slice(0, 1500),
        writtenBy: model.modelId,
        updatedAt: dependencies.now(),
        feedbackCount: events.length,
      };
      await profileStore.saveSummary(userId, summary);
      return { summary };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The offline summary below is the fallback.
      degraded = degradationFrom('summarize', error, 'the profile summary was written offline');
    }
  }
  if (previous && previous.writtenBy !== 'offline' && !options.useModel) return { summary: previous };
  const summary = offlineProfileSummary(events, catalog, dependencies.now());
  await profileStore.saveSummary(userId, summary);
  return { summary, ...(degraded ? { degraded } : {}) };
}
