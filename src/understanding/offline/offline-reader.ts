import type { CatalogItem } from '../../catalog/index.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import { emptyUnderstanding, type Understanding } from '../understanding-schema.js';
import type { CatalogVocabulary } from './catalog-vocabulary.js';
import { chatWords } from './small-talk-words.js';
import { CueMatchers } from './cues.js';
import { SpellingCorrector } from '../../nlp/index.js';
import { decideIntent, type IntentModel } from './intent.js';
import { readMessage, type MessageReading } from './read-message.js';
import { asksIfSeen } from './shown-list.js';

/** What the reader needs to know of the conversation besides the message. */
export interface ReaderContext {
  /** The list shown before this message, in order. */
  lastShown: CatalogItem[];
  /** The position in `lastShown` of the item the last question was about: what "it" means now. */
  askedPosition?: number;
  /** A request is in force (something was asked for earlier in this conversation). */
  hasRequest: boolean;
  /** The request in force has been answered with a list since it started. */
  answered: boolean;
  /** What the request in force is about: its genres (its titles' included) and audiences. */
  request?: {
    genres: string[];
    audiences: string[];
    /** What the request in force rules out: only that can be taken back ("Jim Carrey's fine"). */
    excludedGenres?: string[];
    excludedPeople?: string[];
  };
  /** The assistant's last message, when there is one (what it asked shapes a short answer). */
  assistantText?: string;
}

/**
 * Understanding without an LLM: reads one message with the NLP analyser, the catalog vocabulary
 * and the concept lexicon into the same delta the LLM understanding produces. Deterministic; about
 * a tenth of a millisecond per message.
 */
export class OfflineReader {
  private readonly cues: CueMatchers;
  /** Misspelled cue and concept words ("depresing", "freinds") to the words the phrases know. */
  private readonly speller: SpellingCorrector;
  /** Readings by message and context: a conversation is re-read from its transcript every turn. */
  private readonly cache = new Map<string, MessageReading>();

  constructor(
    readonly vocabulary: CatalogVocabulary,
    private readonly options: { currentYear?: number; intentModel?: IntentModel } = {},
  ) {
    this.cues = new CueMatchers(vocabulary.analyzer);
    this.speller = new SpellingCorrector([
      ...[vocabulary.lexicon.matcher, ...this.cues.all].flatMap((matcher) => [...matcher.phraseWords()]),
      ...chatWords.map((word) => ({ norm: word, lemma: word })),
    ]);
  }

  /**
   * The year "the last ten years" counts back from: the option, else this year — the user's now, not
   * the catalog's newest film ("the last 20 years" said in 2026 starts in 2006 whatever the catalog
   * holds). What "something recent" means is the catalog's (`yearAnchors`).
   */
  get currentYear(): number {
    return this.options.currentYear ?? new Date().getFullYear();
  }

  /** What "an old film" and "something recent" mean for this catalog. */
  get yearAnchors(): { oldUpTo: number; recentFrom: number } {
    const latest = this.vocabulary.latestYear ?? this.options.currentYear ?? new Date().getFullYear();
    return { oldUpTo: 1979, recentFrom: latest - 3 };
  }

  /** The delta of one user message, and the details the dialogue state and explanations use (read-only: it may be cached). */
  read(text: string, context: ReaderContext): MessageReading {
    const askedIfSeen = context.assistantText !== undefined && asksIfSeen(context.assistantText);
    const key = `${context.askedPosition ?? 0}:${context.hasRequest ? 1 : 0}${context.answered ? 1 : 0}${askedIfSeen ? 1 : 0}${context.lastShown.map((item) => item.id).join(',')}|${context.request?.genres.join(',') ?? ''}|${context.request?.audiences.join(',') ?? ''}|${context.request?.excludedGenres?.join(',') ?? ''}|${context.request?.excludedPeople?.join(',') ?? ''}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const reading = this.readFresh(text, context, askedIfSeen);
    this.cache.set(key, reading);
    if (this.cache.size > 5_000) this.cache.delete(this.cache.keys().next().value!);
    return reading;
  }

  private readFresh(text: string, context: ReaderContext, askedIfSeen: boolean): MessageReading {
    const reading = readMessage(text, {
      vocabulary: this.vocabulary,
      cues: this.cues,
      speller: this.speller,
      lastShown: context.lastShown,
      ...(context.askedPosition === undefined ? {} : { askedPosition: context.askedPosition }),
      currentYear: this.currentYear,
      askedIfSeen,
    });
    const { intent, newRequest } = decideIntent(reading, context, this.options.intentModel);
    const understanding = reading.understanding;
    understanding.intent = intent;
    understanding.newRequest = newRequest;
    // Before any request nothing is ruled out; a caller that tells no exclusions keeps every relaxation.
    takeBackOnlyWhatIsRuledOut(
      understanding,
      context.hasRequest
        ? context.request
        : { genres: [], audiences: [], excludedGenres: [], excludedPeople: [] },
    );
    // A question about an item or small talk changes no request: "is the third one scary?" asks,
    // it does not want scary films.
    if (intent === 'ask-about-item' || intent === 'chit-chat') {
      const empty = emptyUnderstanding(intent);
      // "what year did totoro come out" with Totoro shown: the question points at that item.
      const named = namedShownPosition(understanding.mentionedTitles, context.lastShown);
      reading.understanding = {
        ...empty,
        // A verdict said alongside the question stays ("never watched Goodfellas, is it like The
        // Departed? I loved that one"); the titles asked about are neutral already.
        mentionedTitles: understanding.mentionedTitles,
        referencedPosition: understanding.referencedPosition ?? (intent === 'ask-about-item' ? named : null),
        shownFeedback: understanding.shownFeedback,
        queries: understanding.queries,
      };
    }
    return reading;
  }

  understand(text: string, context: ReaderContext): Understanding {
    return this.read(text, context).understanding;
  }
}

/**
 * "Paul Newman is fine" after "nothing with Jack Nicholson" allows Newman; it takes nothing back.
 * A relaxed genre or person stays only when the request in force rules it out (when the caller
 * says what that rules out).
 */
function takeBackOnlyWhatIsRuledOut(understanding: Understanding, request: ReaderContext['request']): void {
  const relax = understanding.relax;
  const ruledOut = (list: string[] | undefined, name: string) =>
    list?.some((other) => other.toLowerCase() === name.toLowerCase()) ?? true;
  relax.excludePeople = relax.excludePeople.filter((name) => ruledOut(request?.excludedPeople, name));
  relax.excludeGenres = relax.excludeGenres.filter((genre) => ruledOut(request?.excludedGenres, genre));
}

/** The 1-based position of the one shown item the message names by title, else null. */
function namedShownPosition(titles: Understanding['mentionedTitles'], shown: CatalogItem[]): number | null {
  const positions = new Set(
    titles
      .map((entry) => shown.findIndex((item) => titleWithYear(item) === entry.title))
      .filter((index) => index >= 0),
  );
  const [only] = positions;
  return positions.size === 1 && only !== undefined ? only + 1 : null;
}
