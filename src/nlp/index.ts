export { EnglishAnalyzer, foldToken } from './english-analyzer.js';
export { messageWords, plainWords, type Word } from './message-words.js';
export { PhraseMatcher, type PhraseMatch, type PhraseWords } from './phrase-matcher.js';
export type { Analysis, Token } from './token.js';
export { isEnglishForm, isEnglishWord } from './english-words.js';
export { questionAuxiliaries } from './question-words.js';
export { SpellingCorrector, withinOneEdit, type KnownWord } from './spelling-corrector.js';
