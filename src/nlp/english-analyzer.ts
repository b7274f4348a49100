import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { foldText } from '../text/tokenize.js';
import { splitRunOnSentences } from './run-on-sentences.js';
import { expandShorthand } from './chat-shorthand.js';
import { gradedBase } from './english-words.js';
import type { Analysis, Token } from './token.js';

type WinkNlp = ReturnType<typeof winkNLP>;

// wink-nlp extends its model object every time an instance is created (strings grow until
// "Invalid string length" after a few dozen), so the process shares one read-only instance.
let shared: WinkNlp | undefined;
function sharedNlp(): WinkNlp {
  shared ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return shared;
}

/** Folds a token the way catalog text is folded, with straight apostrophes. */
export function foldToken(text: string): string {
  return foldText(text).replace(/[’‘`]/g, "'");
}

/**
 * English tokens, lemmas, part of speech, negation scope and sentences, from wink-nlp's light
 * English model (no network, no weights to download; about 0.05 ms per chat message). Analyses of
 * repeated texts are cached: a conversation is re-read every turn.
 */
export class EnglishAnalyzer {
  private readonly nlp: WinkNlp;
  private readonly cache = new Map<string, Analysis>();

  constructor(private readonly cacheSize = 5_000) {
    this.nlp = sharedNlp();
  }

  analyze(text: string): Analysis {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const analysis = this.read(text);
    this.cache.set(text, analysis);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return analysis;
  }

  private read(text: string): Analysis {
    const its = this.nlp.its;
    const document = this.nlp.readDoc(text);
    const values = document.tokens().out(its.value);
    // wink's typings declare the lemma helper with a third (add-on) argument the token reader supplies.
    const lemmas = document.tokens().out(its.lemma as unknown as ItsFunction<string>);
    const tags = document.tokens().out(its.pos);
    const negations = document.tokens().out(its.negationFlag) as unknown as boolean[];
    const kinds = document.tokens().out(its.type);
    const marked = new Array<number>(values.length).fill(0);
    let count = 0;
    document.sentences().each((sentence: ItemSentence) => {
      const [first, last] = sentence.out(its.span) as unknown as [number, number];
      for (let index = first; index <= last; index++) marked[index] = count;
      count += 1;
    });
    const sentenceOf = splitRunOnSentences(values, tags, marked);
    const sentences: [number, number][] = [];
    sentenceOf.forEach((sentence, index) => {
      if (sentences[sentence]) sentences[sentence][1] = index;
      else sentences[sentence] = [index, index];
    });
    const tokens: Token[] = [];
    let cursor = 0;
    values.forEach((value, index) => {
      // wink expands nothing in the value ("n't" stays "n't"), so offsets come from a forward search.
      const found = text.indexOf(value, cursor);
      const start = found >= 0 ? found : cursor;
      const end = found >= 0 ? found + value.length : cursor;
      cursor = end;
      tokens.push({
        text: value,
        norm: foldToken(value),
        lemma: foldToken(lemmas[index] ?? value),
        pos: tags[index] ?? 'X',
        start,
        end,
        negated: negations[index] ?? false,
        sentence: sentenceOf[index] ?? 0,
        kind: kinds[index] ?? 'word',
      });
    });
    gradeUnlemmatized(tokens);
    expandShorthand(tokens);
    return { text, tokens, sentences };
  }
}

/** Words before a comparative the tagger may read as a noun: "even stranger", "something weirder". */
const degreeWords = new Set([
  'even',
  'much',
  'way',
  'far',
  'bit',
  'little',
  'lot',
  'slightly',
  'somewhat',
  'something',
  'anything',
  'no',
  'any',
]);

/**
 * Comparatives the lemmatiser leaves as they are ("weirder", "stranger", "quieter") get their
 * adjective as lemma: always when tagged an adjective or adverb, and as a noun only after a word of
 * degree or before "than" ("even stranger", not "a stranger").
 */
function gradeUnlemmatized(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    if (token.lemma !== token.norm || token.kind !== 'word') return;
    const adjective = token.pos === 'ADJ' || token.pos === 'ADV';
    // "something even stranger" asks for more; "Coco was even sweeter" judges a film (left as typed).
    const judged = tokens[index - 2]?.pos === 'AUX';
    const degree =
      (degreeWords.has(tokens[index - 1]?.norm ?? '') && !judged) || tokens[index + 1]?.norm === 'than';
    if (!adjective && !(token.pos === 'NOUN' && degree)) return;
    const base = gradedBase(token.norm);
    if (base) token.lemma = base;
  });
}
