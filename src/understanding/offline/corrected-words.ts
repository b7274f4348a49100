import type { Analysis, SpellingCorrector, Word } from '../../nlp/index.js';

/**
 * The message's words with misspellings of the reader's own words corrected ("nothing depresing",
 * "her freinds are coming"), so cue phrases and concepts match them. A capitalised word inside a
 * sentence is left as typed: it is more likely a name or a title than a misspelled cue. Titles are
 * found on the analysis, not on these words, so a misspelled title is still a title's business.
 */
export function correctedWords(analysis: Analysis, words: Word[], speller: SpellingCorrector): Word[] {
  return words.map((word, index) => {
    const token = analysis.tokens[word.token]!;
    const sentenceStart =
      index === 0 || analysis.tokens[words[index - 1]!.token]!.sentence !== token.sentence;
    if (/^\p{Lu}/u.test(token.text) && !sentenceStart) return word;
    const known = speller.correct(word.norm);
    return known ? { ...word, norm: known.norm, lemma: known.lemma } : word;
  });
}
