import type { CatalogItem } from '../../catalog/index.js';
import type { Word } from '../../nlp/index.js';
import { itemDescription } from '../../ranking/candidate-cards.js';
import { isStopword, tokenize } from '../../text/tokenize.js';
import type { Understanding } from '../understanding-schema.js';
import type { CatalogVocabulary } from './catalog-vocabulary.js';
import type { Cue, TasteCue } from './cues.js';

const describing = /^(about|with|where|that|set|starring|featuring|in|from)$/;

/**
 * "More like the one about the climber": the shown item whose title, description or people share the
 * most words with what follows "the one about…", when one item clearly does.
 */
export function describedPosition(
  words: Word[],
  shown: CatalogItem[],
  vocabulary: CatalogVocabulary,
): number | null {
  if (shown.length === 0) return null;
  for (let index = 0; index + 2 < words.length; index++) {
    const [the, one, link] = [words[index]!.norm, words[index + 1]!.norm, words[index + 2]!.norm];
    if (the !== 'the' || !['one', 'movie', 'film'].includes(one) || !describing.test(link)) continue;
    const wanted = new Set(
      words
        .slice(index + 3, index + 10)
        .map((word) => word.lemma)
        .filter((word) => word.length >= 4 && !isStopword(word)),
    );
    if (wanted.size === 0) return null;
    const scores = shown.map((item) => {
      const text = new Set(
        tokenize(
          `${item.title} ${item.people.join(' ')} ${item.genres.join(' ')} ${itemDescription(item, vocabulary.catalog)}`,
        ),
      );
      let score = 0;
      for (const word of wanted)
        if ([...text].some((other) => other.startsWith(word.slice(0, 5)))) score += 1;
      return score;
    });
    const best = Math.max(...scores);
    if (best > 0 && scores.filter((score) => score === best).length === 1) return scores.indexOf(best) + 1;
    return null;
  }
  return null;
}

const pluralObjects = new Set(['them', 'those', 'these', 'both', 'em', 'every', 'each', 'they', 'theyre']);
const singleObjects = new Set(['it', 'that', 'this']);

const rank = (type: TasteCue) => (type === 'liked' || type === 'disliked' ? 0 : 1);

/** "Seen them all", "loved it", "those look great": a verdict on the shown list without a position. */
export function pronounFeedback(
  words: Word[],
  tasteCues: Cue<TasteCue>[],
  shownCount: number,
): Understanding['shownFeedback'] {
  // A liking or dislike beats "seen": "seen em all, loved em all", "seen it, never again".
  const ordered = [...tasteCues].sort((left, right) => rank(left.type) - rank(right.type));
  for (const cue of ordered) {
    if (cue.type === 'unseen') return [];
    if (cue.type === 'anchor') continue;
    if (['fine', 'ok', 'okay', 'alright', 'cool', 'nice', 'perfect'].includes(words[cue.start]!.norm))
      continue;
    // The pronoun is the verdict's object ("seen them all") or its subject ("those look great").
    const object = (words[cue.end]?.barrier ? [] : words.slice(cue.end, cue.end + 4)).map(
      (word) => word.norm,
    );
    const subject = words.slice(Math.max(0, cue.start - 3), cue.start).map((word) => word.norm);
    // The cue may hold its own pronoun: "seen it", "seen them".
    const own = words.slice(cue.start, cue.end).map((word) => word.norm);
    const near = [...object, ...subject, ...own];
    const plural = near.some((word) => pluralObjects.has(word)) || object[0] === 'all';
    const single = near.some((word) => singleObjects.has(word));
    if (!plural && !single) continue;
    if (single && !plural && shownCount !== 1) continue;
    const sentiment = cue.type === 'liked' ? 'liked' : cue.type === 'disliked' ? 'disliked' : 'seen';
    return Array.from({ length: shownCount }, (_, index) => ({ position: index + 1, sentiment }));
  }
  return [];
}
