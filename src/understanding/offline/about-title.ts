import type { Analysis, Word } from '../../nlp/index.js';
import type { Mention } from './mentions.js';

// Words that say which film or what it was like rather than what the user wants: the cast named
// after a title, a quality noun pointing back at a title.

/** A person named right after a title by a cast word: "Hero with Jet Li", "Heat starring Al Pacino". */
export function castOfTitle(words: Word[], mentions: Mention[], person: Mention): boolean {
  const link = words[person.start - 1];
  if (!link || link.barrier || !['with', 'starring', 'featuring'].includes(link.norm)) return false;
  return mentions.some((mention) => mention.kind === 'title' && mention.end === person.start - 1);
}

/** "That energy", "this vibe", "the same feel": a quality noun after a demonstrative, in a message that names a title. */
export function pointsAtTitle(analysis: Analysis, words: Word[], mention: Mention, titled: boolean): boolean {
  if (!titled || mention.end - mention.start !== 1) return false;
  const word = words[mention.start]!;
  if (analysis.tokens[word.token]!.pos !== 'NOUN') return false;
  const previous = words[mention.start - 1]?.norm ?? '';
  return ['that', 'this', 'those', 'these', 'same', 'similar'].includes(previous);
}
