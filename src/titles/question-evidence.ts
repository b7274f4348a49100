import type { Token } from '../nlp/index.js';

/** Verbs of making a film: "who directed memento", "who wrote Fargo". */
const makingLemmas = new Set(['direct', 'write', 'produce', 'score', 'shoot', 'edit', 'make', 'compose']);
/** Verbs of being in a film: "who plays the lead in Drive", "who starred in Heat". */
const castLemmas = new Set(['play', 'star', 'act', 'be', 'appear', 'voice']);
const whoWords = new Set(['who', 'whos', "who's"]);
const whatWords = new Set(['what', 'whats', "what's", 'wat', 'wats']);
const whenWords = new Set(['when', 'year']);
const releaseWords = new Set(['come', 'came', 'out', 'release', 'released', 'made']);
/** Nouns of what a film tells: "the plot of arrival", "the story of fight club". */
const storyNouns = new Set(['plot', 'story', 'premise', 'synopsis', 'summary', 'gist', 'storyline', 'point']);
/** Verbs that ask for an account: "tell me about arrival", "explain drive". */
const accountLemmas = new Set(['tell', 'know', 'say', 'explain', 'info', 'information', 'details']);
/** Words between "is" and a quality asked about: "is alien actually scary", "is drive too violent". */
const hedges = new Set(['actually', 'really', 'too', 'that', 'very', 'even', 'any', 'still', 'so', 'worth']);
const copulaQuestions = new Set(['is', 'was', 'isnt', "isn't", 'does', 'did']);

/**
 * Whether the tokens [start, end) are the object of a question about a film: "who directed memento",
 * "who plays the lead in Drive", "what year did totoro come out", "whats arrival about", "what's the
 * plot of fight club", "tell me about gravity", "is alien actually scary", "how long is heat".
 * `before` is the token before the span, articles skipped.
 */
export function askedAbout(tokens: Token[], start: number, end: number, before: number): boolean {
  const word = tokens[before];
  // "whats arrival about": a wh-word, the span, then "about" closing the question.
  if (tokens[end]?.norm === 'about' && closes(tokens, end + 1)) {
    const lead = tokens.slice(Math.max(0, start - 3), start);
    if (lead.some((token) => whatWords.has(token.norm))) return true;
  }
  if (!word) return copulaQuestion(tokens, start, end, -1);
  const window = (size: number) => tokens.slice(Math.max(0, before - size), before);
  if (makingLemmas.has(word.lemma) && word.norm !== 'make')
    return window(3).some((token) => whoWords.has(token.norm));
  if (word.norm === 'in') {
    const lead = window(5);
    const who = lead.findIndex((token) => whoWords.has(token.norm));
    if (who >= 0 && lead.slice(who).some((token) => castLemmas.has(token.lemma) || token.norm === "'s"))
      return true;
    // "what happens in drive"
    return lead.some((token) => token.lemma === 'happen') && lead.some((token) => whatWords.has(token.norm));
  }
  // "what's the plot of fight club", "the gist of arrival?"
  if (word.norm === 'of') return storyNouns.has(tokens[before - 1]?.norm ?? '');
  // "tell me about gravity", "anything you can say about drive?"
  if (word.norm === 'about') return window(3).some((token) => accountLemmas.has(token.lemma));
  if (['did', 'does', 'was', 'is'].includes(word.norm)) {
    if (
      window(3).some((token) => whenWords.has(token.norm)) &&
      tokens
        .slice(end, end + 2)
        .some((token) => releaseWords.has(token.norm) || releaseWords.has(token.lemma))
    )
      return true;
    // "how long is heat", "how scary was alien"
    if (tokens[before - 2]?.norm === 'how' && ['ADJ', 'ADV'].includes(tokens[before - 1]?.pos ?? ''))
      return true;
  }
  return copulaQuestion(tokens, start, end, before);
}

/** "is alien actually scary", "was drive too violent?": a copula opening the sentence asks about the span. */
function copulaQuestion(tokens: Token[], start: number, end: number, before: number): boolean {
  const copula = tokens[before];
  if (!copula || !copulaQuestions.has(copula.norm)) return false;
  const opening =
    before === 0 ||
    /[.!?,;]/.test(tokens[before - 1]!.text) ||
    tokens[before - 1]!.sentence !== copula.sentence;
  if (!opening || before !== start - 1 - countArticles(tokens, start)) return false;
  let at = end;
  while (hedges.has(tokens[at]?.norm ?? '')) at++;
  const next = tokens[at];
  return next !== undefined && (next.pos === 'ADJ' || next.norm === 'good' || next.norm === 'worth');
}

function countArticles(tokens: Token[], start: number): number {
  let count = 0;
  while (['the', 'a', 'an'].includes(tokens[start - 1 - count]?.norm ?? '')) count++;
  return count;
}

/** Whether nothing but punctuation (or the end) follows `index`. */
function closes(tokens: Token[], index: number): boolean {
  const next = tokens[index];
  return next === undefined || next.kind === 'punctuation' || next.kind === 'emoji';
}
