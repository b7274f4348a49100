import {
  messageWords,
  PhraseMatcher,
  type Analysis,
  type EnglishAnalyzer,
  type Word,
} from '../../nlp/index.js';
import { cuePhrases, fillerWords, listWords } from './cue-phrases.js';

export type ScopeCue =
  | 'exclude'
  | 'soften'
  | 'more'
  | 'require'
  | 'relax'
  | 'unrequire'
  | 'drop'
  | 'heads'
  | 'anyYear'
  | 'anyGenre';
export type TasteCue = 'liked' | 'anchor' | 'disliked' | 'seen' | 'unseen';

/** A cue phrase found in a message, over words [start, end). */
export interface Cue<Type extends string> {
  type: Type;
  start: number;
  end: number;
}

const scopeTypes: ScopeCue[] = [
  'exclude',
  'soften',
  'more',
  'require',
  'relax',
  'unrequire',
  'drop',
  'heads',
  'anyYear',
  'anyGenre',
];
const tasteTypes: TasteCue[] = ['liked', 'anchor', 'disliked', 'seen', 'unseen'];

/** The cue phrases compiled for matching on lemmas. */
/** Adverbs typed inside a cue phrase that do not change it: "doesn't actually need to be", "don't really like". */
const cueFillers = new Set([
  'actually',
  'really',
  'necessarily',
  'strictly',
  'even',
  'totally',
  'honestly',
  'truly',
  'exactly',
  'particularly',
]);

export class CueMatchers {
  readonly scope = new PhraseMatcher<ScopeCue>(cueFillers);
  readonly taste = new PhraseMatcher<TasteCue>(cueFillers);
  readonly rejectShown = new PhraseMatcher<'reject'>();
  readonly backAnchor = new PhraseMatcher<'back'>();
  /** "that's it", "all good": the user is done, so a bare "nah" before it turns nothing down. */
  readonly satisfied = new PhraseMatcher<'done'>();

  /** Every matcher, for the words they know. */
  get all(): PhraseMatcher<string>[] {
    return [this.scope, this.taste, this.rejectShown, this.backAnchor, this.satisfied];
  }

  constructor(analyzer: EnglishAnalyzer) {
    const phrase = (text: string) =>
      messageWords(analyzer.analyze(text)).map((word) => ({ norm: word.norm, lemma: word.lemma }));
    // "didn't like" is also typed "didnt like": both spellings of every phrase with an apostrophe.
    const spellings = (text: string) => (text.includes("'") ? [text, text.replace(/'/g, '')] : [text]);
    // In an anchor "like" is the preposition ("something like that"), never the verb: "liked that"
    // is a verdict.
    const exactLike = (words: ReturnType<typeof phrase>) =>
      words.map((word) => (word.norm === 'like' ? { ...word, exact: true } : word));
    const add = <Type extends string>(matcher: PhraseMatcher<Type>, texts: readonly string[], type: Type) => {
      for (const text of texts)
        for (const spelling of spellings(text))
          matcher.add(type === 'anchor' ? exactLike(phrase(spelling)) : phrase(spelling), type);
    };
    for (const type of scopeTypes) add(this.scope, cuePhrases[type], type);
    for (const type of tasteTypes) add(this.taste, cuePhrases[type], type);
    add(this.rejectShown, cuePhrases.rejectShown, 'reject');
    add(this.backAnchor, cuePhrases.backAnchor, 'back');
    add(this.satisfied, cuePhrases.satisfied, 'done');
  }

  find<Type extends string>(
    matcher: PhraseMatcher<Type>,
    words: Word[],
    skip?: (index: number) => boolean,
  ): Cue<Type>[] {
    return matcher
      .match(words, skip)
      .map((match) => ({ type: match.values[0]!, start: match.start, end: match.end }));
  }
}

/** Whether a sentence end or a semicolon lies between two consecutive words. */
export function clauseBreak(analysis: Analysis, words: Word[], index: number): boolean {
  const left = words[index];
  const right = words[index + 1];
  if (!left || !right) return true;
  if (analysis.tokens[left.token]!.sentence !== analysis.tokens[right.token]!.sentence) return true;
  for (let token = left.token + 1; token < right.token; token++) {
    if (/^[.!?;…]+$/.test(analysis.tokens[token]!.text)) return true;
  }
  return false;
}

/** Words a cue may reach across. */
export function isFiller(word: Word): boolean {
  return fillerWords.has(word.norm) || fillerWords.has(word.lemma) || listWords.has(word.norm);
}

export function isListWord(word: Word | undefined): boolean {
  return word !== undefined && listWords.has(word.norm);
}
