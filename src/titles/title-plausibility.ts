import { isEnglishWord, type Token } from '../nlp/index.js';
import { isStopword } from '../text/tokenize.js';
import type { FuzzyMatch } from './fuzzy-title-index.js';
import { titleKey } from './normalize-title.js';
import { articles, quoteMarks, type TitleEvidence } from './title-evidence.js';
import type { TitleResolver } from './title-resolver.js';
import type { TitleWords, Unit } from './title-words.js';

/** Nouns that name the medium: "scary movies" is a kind of film, not "Scary Movie". */
const mediaNouns = new Set(['movie', 'movies', 'film', 'films', 'flick', 'flicks', 'show', 'shows']);
const pluralMediaNouns = new Set(['movies', 'films', 'flicks', 'shows']);
/** Before a noun phrase, these make it any one of a kind: "a scary movie", "some date movie". */
const indefinites = new Set(['a', 'an', 'some', 'any', 'another', 'other', 'more', 'good', 'great', 'fun']);
/** Before a plural, these point at particular films: "both spider verse movies", "the Toy Story films". */
const definites = new Set(['the', 'both', 'all', 'these', 'those', 'two', 'three', 'four', 'every']);

/**
 * Whether a typed lower-case span ending in a media noun describes a kind of film rather than naming
 * one: plural ("scary movies", not "both spider verse movies") or after an indefinite word ("some
 * scary movie").
 * Capitals, quotes or a number after it ("scary movie 2") still make it the title.
 */
export function describesKind(tokens: Token[], start: number, end: number): boolean {
  // "romance movies": a series name followed by the noun that made it one.
  if (mediaNouns.has(tokens[end]?.norm ?? '') && !mediaNouns.has(tokens[end - 1]?.norm ?? '')) end += 1;
  // "a scary movie I don't…": the pronoun after it is no part number.
  if (tokens[end - 1]?.text === 'I' && mediaNouns.has(tokens[end - 2]?.norm ?? '')) end -= 1;
  // "a scary movie": the article typed as part of the span.
  if (indefinites.has(tokens[start]?.norm ?? '') && end - start > 2)
    return mediaNouns.has(tokens[end - 1]!.norm);
  // "back to the future films": a kind is an adjective or two, not a title of three words or more.
  if (end - start > 4 || (end - start === 4 && !mediaNouns.has(tokens[end - 2]?.norm ?? ''))) return false;
  const last = tokens[end - 1];
  if (!last || !mediaNouns.has(last.norm) || end - start < 2) return false;
  if (tokens.slice(start, end).some((token) => /\p{Lu}/u.test(token.text))) return false;
  if (tokens[end]?.kind === 'number' || quoteMarks.has(tokens[start - 1]?.text ?? '')) return false;
  const before = tokens[start - 1]?.norm ?? '';
  // "any star wars movie": nouns naming a film, not a kind ("any scary movie", "any date movie").
  const named = tokens.slice(start, end - 1);
  if (before === 'any' && named.length >= 2 && ['NOUN', 'PROPN'].includes(named[named.length - 1]!.pos))
    return false;
  // "the kill bill movies": the definite typed as part of the span points at them as well.
  const definite = definites.has(before) || definites.has(tokens[start]!.norm);
  return pluralMediaNouns.has(last.norm) ? !definite : indefinites.has(before);
}

/** Letters that, typed alone, are no word and no chat shorthand ("u" for you, "r" for are are). */
const nameLetters = new Set(['d', 'e', 'f', 'g', 'h', 'j', 'l', 'p', 'q', 'v', 'x', 'z']);

const subjectPronouns = new Set(['it', 'he', 'she', 'they', 'we', 'you', 'i']);

const clauseWords = new Set(['VERB', 'ADV', 'ADP', 'AUX', 'PRON', 'DET', 'SCONJ', 'CCONJ', 'PART', 'INTJ']);

/** Four letters or more, no stopword, not a number. */
export function distinctiveWord(word: string): boolean {
  return word.length >= 4 && !isStopword(word) && /\p{L}/u.test(word);
}

/**
 * Whether a span that spells a title (exactly, through corrected words or a few edits off) is meant
 * as one, by how common its words are and the evidence around it.
 */
export class TitlePlausibility {
  constructor(
    private readonly resolver: TitleResolver,
    private readonly words: TitleWords,
    private readonly documentFrequency: (word: string) => number,
    private readonly documentCount: number,
  ) {}

  /** Whether a span that spells a title is meant as one, by how common its words are and its evidence. */
  plausible(
    tokens: Token[],
    start: number,
    end: number,
    key: string,
    evidence: TitleEvidence,
    fuzzy: boolean,
  ): boolean {
    if (evidence.quoted) return true;
    if (evidence.personOrPlace) return false;
    // Numbers alone ("1 2", "1917") are a title only in capitals, quotes or with a cue.
    if (!/\p{L}/u.test(key) && !evidence.taste && !evidence.listed) return false;
    const words = key.split(' ');
    const cue = evidence.taste || evidence.listed || evidence.praised || evidence.alone || evidence.asked;
    const distinctive = words.filter((word) => distinctiveWord(word));
    const firstToken = tokens[start]!;
    const capitalized = /^[\p{Lu}\p{N}]/u.test(firstToken.text);
    if (capitalized) {
      if (words.length === 1) {
        const word = words[0]!;
        // "It was pretty good": a subject pronoun opening a sentence before a lower-case word is the
        // pronoun ("Her is a gem" is no subject form, so still the film).
        if (evidence.sentenceStart && subjectPronouns.has(word) && /^\p{Ll}/u.test(tokens[end]?.text ?? ''))
          return false;
        // A five-letter slip counts with a cue and when no dictionary has it ("loved Avtar").
        if (fuzzy)
          return (
            tokens
              .slice(start, end)
              .some(
                (token) =>
                  token.norm.length >= 6 ||
                  (token.norm.length === 5 && cue && !isEnglishWord(token.norm, token.lemma)),
              ) &&
            (cue || !evidence.sentenceStart)
          );
        if (cue) return !articles.has(word);
        if (word.length < 4 || isStopword(word)) return false;
        // "Drive me home" is a verb at the start of a sentence, not the film.
        if (evidence.sentenceStart && clauseWords.has(firstToken.pos)) return false;
        return true;
      }
      if (cue) return true;
      // "Anything else?", "Where is it": a sentence's own capital over words that build a clause.
      const span = tokens.slice(start, end);
      if (
        evidence.sentenceStart &&
        span.slice(1).every((token) => !/^\p{Lu}/u.test(token.text)) &&
        span.every((token) => clauseWords.has(token.pos))
      )
        return false;
      return distinctive.length > 0 || !words.every((word) => isStopword(word));
    }
    // Lower case: the words themselves must be unlikely together by chance. A word no dictionary has
    // ("strangelove", "totoro") is enough.
    const foreign = tokens
      .slice(start, end)
      .some(
        (token) =>
          token.norm.length >= 5 && !isStopword(token.norm) && !isEnglishWord(token.norm, token.lemma),
      );
    // "wall e", "malcolm x": a lone letter that stands for no chat word ("u", "r", "n" do) is no prose.
    const letter = tokens.slice(start, end).some((token) => nameLetters.has(token.norm));
    if (words.length >= 2 && (foreign || letter)) return true;
    if (words.length >= 3) return distinctive.length >= 2 || cue || key.length >= 18;
    if (words.length === 2) {
      const [first, second] = words as [string, string];
      if (!distinctiveWord(first) && !cue) return false;
      const fullKey = titleKey(
        tokens
          .slice(start, end)
          .map((token) => token.text)
          .join(' '),
        { keepArticle: true },
      );
      const typedArticle = articles.has(tokens[start]!.norm);
      if (typedArticle && !this.resolver.exactItems(fullKey) && !fuzzy) return false;
      if (/^\d+$/.test(second)) return true;
      if (!distinctiveWord(second) && !cue) return false;
      // The title's own "the": "the dark knight" — not "a date night".
      return (
        fullKey.startsWith('the ') ||
        (tokens[start - 1]?.norm === 'the' && this.resolver.exactItems(`the ${key}`) !== undefined) ||
        cue
      );
    }
    const word = words[0]!;
    const typed = tokens[start]!;
    // "seen jurassic park and jaws": the next of a list of titles; "wall e and up both made me cry":
    // a short word too when "both" or "each" sums the list up.
    if (evidence.listed && word.length >= 4 && !isStopword(word)) return true;
    // "who directed memento": a question about a film names one, English word or not.
    if (evidence.asked && word.length >= 4 && !isStopword(word)) return true;
    // "drive was amazing", "gravity bored me", "loved whiplash": an English word as the subject of a
    // verdict, or the object of a verb of taste, names the film.
    if (word.length >= 4 && !isStopword(word) && !fuzzy) {
      if (evidence.praised && evidence.sentenceStart) return true;
      // …as a noun: "watch once the dishes are done" is an adverb.
      if (evidence.pastTaste && ['NOUN', 'PROPN', 'X', 'ADJ'].includes(typed.pos)) return true;
      // …or as a past participle the tagger calls a verb: "seen frozen", "loved tangled".
      if (
        evidence.pastTaste &&
        typed.pos === 'VERB' &&
        /(?:en|ed)$/.test(typed.norm) &&
        typed.lemma !== typed.norm
      )
        return true;
    }
    const summed = ['both', 'each'].includes(tokens[end]?.norm ?? '') && tokens[end + 1]?.pos !== 'NOUN';
    if (evidence.listed && summed) return true;
    return (
      cue && word.length >= (fuzzy ? 6 : 5) && this.uncommon(word) && !isEnglishWord(typed.norm, typed.lemma)
    );
  }

  /**
   * Whether a span a few edits off a title means it: one of its words is no English word and not in
   * the catalog's text (a misspelling), or, when every word is English ("the dark night"), the span
   * has the usual evidence of a title and is one edit off.
   */
  plausibleFuzzy(
    tokens: Token[],
    span: Unit[],
    start: number,
    evidence: TitleEvidence,
    match: FuzzyMatch,
  ): boolean {
    const misspelled = span.some((unit) => unit.misspelled);
    if (misspelled) return span.length >= 2 || span[0]!.key.length >= 8;
    // "loved inglorious bastards": long words, each an edit off, after a verdict.
    const longWords = span.length >= 2 && span.every((unit) => unit.key.length >= 5);
    if (longWords && match.edits <= span.length && (evidence.taste || evidence.quoted)) return true;
    if (span.length < 2 || match.edits > 1) return false;
    const capitalized = /^\p{Lu}/u.test(tokens[start]!.text) && !evidence.sentenceStart;
    // "the shinning": typed with the title's own article.
    const ownArticle =
      tokens[start]!.norm === 'the' && [...match.items].some((item) => /^the\s/i.test(item.title));
    return (
      evidence.taste ||
      evidence.listed ||
      evidence.praised ||
      evidence.quoted ||
      capitalized ||
      ownArticle ||
      span.length >= 3
    );
  }

  /**
   * Whether a title found through corrected words is meant: a word that is not in the catalog's text
   * next to an exact title word ("pulp fctoin", "shawshenk redemption"), a long unknown word
   * ("ratatoullie"), or the usual evidence; a corrected common word only inside three words or more.
   */
  plausibleCorrection(
    tokens: Token[],
    span: Unit[],
    start: number,
    end: number,
    key: string,
    evidence: TitleEvidence,
  ): boolean {
    const corrected = span.filter((unit) => unit.corrected !== undefined);
    const exact = span.filter((unit) => unit.corrected === undefined && distinctiveWord(unit.key));
    if (
      corrected.some((unit) => unit.known || unit.key.length < 4) &&
      (exact.length === 0 || span.length < 2)
    )
      return false;
    if (span.length >= 2 && exact.length >= 1) return true;
    const only = span[0]!;
    if (span.length === 1 && only.key.length >= 8 && (only.edits ?? 0) / only.key.length <= 0.2) return true;
    return this.plausible(tokens, start, end, key, evidence, true);
  }

  /** An English word, a stopword or a word of some title: typed, it is no set of initials. */
  knownWord(word: string): boolean {
    return isEnglishWord(word) || isStopword(word) || this.words.has(word);
  }

  /** Rare enough in the catalog's text (beyond the titles that use it) that a lower-case use is likely the title. */
  uncommon(word: string): boolean {
    const own = this.words.count(word);
    return this.documentFrequency(word) - own <= Math.max(2, this.documentCount * 0.003);
  }
}
