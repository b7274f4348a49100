import { titleWithYear } from '../ranking/candidate-cards.js';
import { offlineProfileSummary } from '../profile/offline-summary.js';
import type { AgentDependencies } from './agent-dependencies.js';

/**
 * Rewrites a user's profile summary from their feedback. Offline (and between LLM summaries) it is
 * the extractive summary; with `useModel` and a model, the LLM writes it, falling back to offline.
 * An LLM-written summary is only replaced by another LLM summary.
 */
export async function updateProfileSummary(
  dependencies: AgentDependencies,
  userId: string,
  options: { useModel: boolean; signal?: AbortSignal },
): Promise<void> {
  const { profileStore, retriever, model, prompts } = dependencies;
  const catalog = retriever.catalog;
  const events = await profileStore.feedback(userId);
  if (events.length === 0) return;
  const previous = await profileStore.summary(userId);
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
      if (text) {
        await profileStore.saveSummary(userId, {
          text: text.slice(0, 1500),
          writtenBy: model.modelId,
          updatedAt: dependencies.now(),
          feedbackCount: events.length,
        });
        return;
      }
    } catch {
      // The offline summary below is the fallback.
    }
  }
  if (previous && previous.writtenBy !== 'offline' && !options.useModel) return;
  await profileStore.saveSummary(userId, offlineProfileSummary(events, catalog, dependencies.now()));
}
