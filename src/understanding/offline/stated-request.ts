import { messageWords } from '../../nlp/index.js';
import type { Understanding } from '../understanding-schema.js';
import { normalize, requestFrame, tasteStatement } from './intent-phrases.js';
import type { MessageReading } from './read-message.js';

/**
 * Whether a sentence of its own, not a question, states tastes or asks for something the delta
 * kept: "I like musicals and comedy. Have you seen Hairspray?" is a request with a question on the
 * side, not only a question about Hairspray. A genre, person, quality or audience must lie in it.
 */
export function statesRequestApart(reading: MessageReading): boolean {
  const { analysis, mentions, understanding } = reading;
  if (analysis.sentences.length < 2) return false;
  const words = messageWords(analysis);
  return analysis.sentences.some(([first, last]) => {
    const start = analysis.tokens[first]!.start;
    const end = analysis.tokens[last]!.end;
    const raw = analysis.text.slice(start, end).trim();
    if (/\?$/.test(raw)) return false;
    const text = normalize(raw);
    if (!tasteStatement.test(text) && !requestFrame.test(text)) return false;
    return mentions.some((mention) => {
      const token = words[mention.start]?.token;
      return token !== undefined && token >= first && token <= last && kept(mention, understanding);
    });
  });
}

/** Whether the delta kept what a mention names. */
function kept(mention: MessageReading['mentions'][number], understanding: Understanding): boolean {
  const { constraints, preferences } = understanding;
  if (mention.kind === 'genre')
    return [...preferences.genres, ...constraints.genres, ...constraints.excludeGenres].includes(
      mention.genre,
    );
  if (mention.kind === 'person')
    return [...preferences.people, ...constraints.people, ...constraints.excludePeople].includes(
      mention.name,
    );
  if (mention.kind === 'concept')
    return (
      understanding.audiences.includes(mention.id) ||
      understanding.qualities.some((quality) => quality.id === mention.id)
    );
  return false;
}
