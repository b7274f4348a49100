import { isEnglishWord, type Analysis, type PhraseMatch, type Word } from '../../nlp/index.js';
import { foldText, isStopword } from '../../text/tokenize.js';
import { editDistance } from '../../titles/fuzzy-title-index.js';
import type { CatalogVocabulary, NameWord, PersonEntry } from './catalog-vocabulary.js';

/** People named over words [start, end): one person, or a whole family ("the Coen brothers"). */
export interface FoundPeople {
  start: number;
  end: number;
  names: string[];
}

/** A word right before a name that says a person is meant: "more fincher", "anything by nolan". */
export const personCuesBefore = new Set(['more', 'by', 'with', 'starring', 'featuring', 'from', 'w']);
/** A word right after a name that says a person is meant: "tarantino movies", "a fincher film", "scorsese's". */
export const personCuesAfter = new Set(
  "movie movies film films flick flicks stuff joint joints classics 's".split(' '),
);
/** A cue right before or after the words [start, end) says a person is meant: "more fincher", "nolan's". */
export function personCued(words: readonly Word[], start: number, end: number): boolean {
  const before = start > 0 && !words[start]!.barrier ? words[start - 1]!.norm : '';
  const after = words[end];
  return personCuesBefore.has(before) || (!!after && !after.barrier && personCuesAfter.has(after.norm));
}

/** After a surname several people share, all of them: "the Coen brothers", "the Wachowski sisters". */
export const familyWords = new Set(['brothers', 'bros', 'sisters', 'siblings']);
/** Before a name, someone the user knows rather than a catalog person: "my son Logan". */
export const acquaintanceWords = new Set(
  (
    'son daughter kid boy girl brother sister cousin nephew niece friend buddy mate wife husband partner ' +
    'boyfriend girlfriend bf gf mom mum dad uncle aunt grandma grandpa colleague roommate boss named called'
  ).split(' '),
);
/** The user themself, coordinated with someone they know: "hannah and I", "me and keanu". */
export const selfWords = new Set(['i', 'me']);
/** Words that belong to the surname after them: "De Niro", "del Toro", "Van Dyke". */
export const surnameParticles = new Set('de del della di da du van von der den le la'.split(' '));

/** A name word counts as rare when at most this many items use it beyond the person's own films. */
const rareSlack = 2;
/** Films a person needs in the catalog before a lower-case name the dictionary knows ("nolan") is read alone. */
const knownCredits = 4;
const nounTags = new Set(['NOUN', 'PROPN']);

/** Edits a typed name may be away from a catalog surname: none under six letters, then one, two from nine. */
function editsAllowed(length: number): number {
  return length < 6 ? 0 : length < 9 ? 1 : 2;
}

/** Films a person needs for a short form of their given name ("Leo") to name them. */
const nicknameCredits = 4;
/** A misspelled surname this long needs no cue: few slips of English words come that close to a name. */
const longMisspelling = 7;
const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/** A name with every doubled letter typed once: "ferrell" → "ferel", "scarlett" → "scarlet". */
function undoubled(name: string): string {
  return name.replace(/(.)\1+/g, '$1');
}

/** Given names with a doubled letter, by their form with it typed once (undefined: several share it). */
const undoubledGivenNames = new WeakMap<object, Map<string, NameWord | undefined>>();

/** Whether one edit (a letter dropped, swapped, replaced or added) turns `word` into a dictionary word other than `except`. */
function oneEditFromWord(word: string, except: string): boolean {
  const isWord = (candidate: string) => candidate !== except && isEnglishWord(candidate);
  for (let at = 0; at <= word.length; at++) {
    const head = word.slice(0, at);
    if (at < word.length && isWord(head + word.slice(at + 1))) return true;
    if (at + 1 < word.length && isWord(head + word[at + 1]! + word[at]! + word.slice(at + 2))) return true;
    for (const letter of alphabet) {
      if (at < word.length && letter !== word[at] && isWord(head + letter + word.slice(at + 1))) return true;
      if (isWord(head + letter + word.slice(at))) return true;
    }
  }
  return false;
}

/**
 * People a message names, as users write them: full names; surnames and distinctive given names in
 * any case ("more scorsese", "keanu action movies"); a family ("the Coen brothers"); misspelled
 * surnames ("another spielburg movie"). A word that is also everyday English ("stone", "long") or
 * is misspelled names someone only next to a cue ("more X", "by X", "X movies", "X's").
 * `fullNames` are the full-name matches (the caller weighs them against titles first); `taken`
 * marks words already claimed.
 */
export function findPeople(
  analysis: Analysis,
  words: readonly Word[],
  vocabulary: CatalogVocabulary,
  fullNames: readonly PhraseMatch<PersonEntry>[],
  taken: (index: number) => boolean,
): FoundPeople[] {
  const found: FoundPeople[] = [];
  const claimed = new Set<number>();
  const free = (index: number) => index >= 0 && index < words.length && !taken(index) && !claimed.has(index);
  const claim = (start: number, end: number, names: string[]) => {
    found.push({ start, end, names });
    for (let index = start; index < end; index++) claimed.add(index);
  };
  for (const match of fullNames) {
    const span = [...Array(match.end - match.start).keys()].map((offset) => match.start + offset);
    if (span.every(free)) claim(match.start, match.end, [match.values[0]!.name]);
  }
  const reader = new NameReader(analysis, words, vocabulary);
  words.forEach((_, index) => {
    if (!free(index)) return;
    const reading = reader.family(index) ?? reader.single(index, free);
    if (reading && reading.end - 1 > index && !free(reading.end - 1)) return;
    if (reading) claim(reading.start, reading.end, reading.names);
  });
  return found;
}

/** The evidence rules for one message's words. */
class NameReader {
  private readonly people;

  constructor(
    private readonly analysis: Analysis,
    private readonly words: readonly Word[],
    private readonly vocabulary: CatalogVocabulary,
  ) {
    this.people = vocabulary.people;
  }

  /** "Coen brothers", "the Coens": everyone of a family credited together. */
  family(index: number): FoundPeople | undefined {
    const norm = this.words[index]!.norm;
    const next = this.words[index + 1];
    const family = this.people.families.get(norm);
    if (family && next && !next.barrier && familyWords.has(next.norm))
      return { start: index, end: index + 2, names: family };
    const plural = norm.endsWith('s') ? this.people.families.get(norm.slice(0, -1)) : undefined;
    if (plural && !isEnglishWord(norm, norm.slice(0, -1)))
      return { start: index, end: index + 1, names: plural };
    return undefined;
  }

  /** One person from a surname, a given name or a misspelled surname, with the words of their name before it. */
  single(index: number, free: (index: number) => boolean): FoundPeople | undefined {
    const word = this.words[index]!;
    // "jim carey": a given name typed right, then its owner's surname a slip off (even a word that is
    // someone else's name).
    const paired = free(index - 1)
      ? (this.givenThenMisspelled(index) ?? this.shortGivenThenSurname(index))
      : undefined;
    if (paired) return paired;
    const nickname = this.nickname(index);
    if (nickname) return nickname;
    const surname = this.people.surnames.get(word.norm) ?? this.possessiveSurname(index);
    // "skip Scorsese and Coppola": a surname several people share names the one far better known by it.
    const dominant =
      surname !== undefined &&
      surname.owners.length > 1 &&
      surname.credits >= nicknameCredits &&
      surname.secondCredits * 4 <= surname.credits;
    if (surname && (surname.owners.length === 1 || dominant)) {
      const name = surname.owners[0]!;
      const start = this.nameStart(index, name, free);
      return this.surnameCounts(surname, index, start) ? { start, end: index + 1, names: [name] } : undefined;
    }
    if (surname) return undefined;
    const given = this.people.givenNames.get(word.norm);
    if (given) {
      if (this.givenNameCounts(given, index)) return { start: index, end: index + 1, names: given.owners };
      // "no Arnold": a given name, capitalised or cued, names the one person far better known by it
      // (even a name the dictionary knows, when that person has several films).
      const dominant =
        given.credits >= nicknameCredits &&
        given.secondCredits * 4 <= given.credits &&
        word.norm.length >= 4 &&
        !isStopword(word.norm) &&
        !this.acquaintance(index) &&
        ((this.capitalised(index) && !this.startsSentence(index)) || this.cued(index, index + 1));
      return dominant ? { start: index, end: index + 1, names: [given.owners[0]!] } : undefined;
    }
    const name = this.misspelledSurname(index);
    if (!name) return undefined;
    const start = this.nameStart(index, name, free);
    const evidence =
      start < index ||
      this.cued(start, index + 1) ||
      this.capitalised(index) ||
      this.words[index]!.norm.length >= longMisspelling;
    return evidence ? { start, end: index + 1, names: [name] } : undefined;
  }

  /** "nolans films", "spielbergs early stuff": a possessive typed without its apostrophe. */
  private possessiveSurname(index: number): NameWord | undefined {
    const word = this.words[index]!;
    const base = word.norm.slice(0, -1);
    if (!word.norm.endsWith('s') || base.length < 4 || isStopword(base)) return undefined;
    if (isEnglishWord(word.norm, word.lemma)) return undefined;
    const entry = this.people.surnames.get(base);
    return entry && !entry.everyday ? entry : undefined;
  }

  private surnameCounts(entry: NameWord, index: number, start: number): boolean {
    const word = this.words[index]!;
    if (isStopword(word.norm) || entry.documentFrequency > entry.credits + rareSlack) return false;
    if (this.acquaintance(index)) return false;
    const cued = start < index || this.cued(start, index + 1);
    if (word.norm.length < 4) return cued && !entry.everyday;
    // An everyday word capitalised only because it starts a sentence ("Long films bore me") is no name.
    if (this.capitalised(index) && !(entry.everyday && this.startsSentence(index))) return true;
    if (entry.everyday) return cued && this.standsAlone(index) && !this.isLexiconWord(index);
    if (cued || !isEnglishWord(word.norm)) return true;
    // A name the dictionary knows ("hannah", "columbus") names a catalog person in lower case only when
    // it is no one's given name, stands alone and the person has a few films.
    return entry.credits >= knownCredits && !this.people.givenNames.has(word.norm) && this.standsAlone(index);
  }

  private givenNameCounts(entry: NameWord, index: number): boolean {
    const word = this.words[index]!;
    if (entry.owners.length !== 1 || word.norm.length < 4 || isStopword(word.norm)) return false;
    // A given name a dictionary knows ("Laura", "Logan") is too common to name a catalog person alone.
    if (isEnglishWord(word.norm, word.lemma) || entry.documentFrequency > entry.credits + rareSlack)
      return false;
    if (this.acquaintance(index)) return false;
    return entry.credits >= 2 || this.cued(index, index + 1);
  }

  /**
   * "jim carey" for Jim Carrey, "will ferel" for Will Ferrell, "brad pit", "scarlet johanson": a given
   * name (typed right, or with a doubled letter slipped) before it names the owner whose surname is a
   * slip off — a doubled letter typed once counts as one edit.
   */
  private givenThenMisspelled(index: number): FoundPeople | undefined {
    const word = this.words[index]!;
    const previous = this.words[index - 1];
    if (!previous || word.barrier || word.norm.length < 3 || isStopword(word.norm)) return undefined;
    const exact = this.people.givenNames.get(previous.norm);
    const given = exact ?? (previous.norm.length >= 5 ? this.slippedGiven(previous.norm) : undefined);
    if (!given) return undefined;
    const allowed = Math.max(1, editsAllowed(word.norm.length));
    const typed = undoubled(word.norm);
    const matches = given.owners.filter((owner) => {
      const surname = foldText(owner).split(/\s+/).pop() ?? '';
      // The full name typed right is the full-name matcher's.
      if (exact && surname === word.norm) return false;
      const slipped = undoubled(surname) === typed;
      // A short word ("pit") only with its doubled letter slipped, after the given name typed right.
      if (word.norm.length < 4) return slipped && exact !== undefined && surname !== word.norm;
      return slipped || editDistance(word.norm, surname, allowed) <= allowed;
    });
    return matches.length === 1 ? { start: index - 1, end: index + 1, names: matches } : undefined;
  }

  /** A given name typed with a doubled letter once ("scarlet" for Scarlett), of one name only. */
  private slippedGiven(typed: string): NameWord | undefined {
    let byForm = undoubledGivenNames.get(this.people);
    if (!byForm) {
      byForm = new Map();
      for (const [given, entry] of this.people.givenNames) {
        const form = undoubled(given);
        if (form === given) continue;
        byForm.set(form, byForm.has(form) ? undefined : entry);
      }
      undoubledGivenNames.set(this.people, byForm);
    }
    return byForm.get(undoubled(typed));
  }

  /** "nic cage" for Nicolas Cage: a short form of the given name, then the surname as it is. */
  private shortGivenThenSurname(index: number): FoundPeople | undefined {
    const word = this.words[index]!;
    const previous = this.words[index - 1];
    if (!previous || word.barrier || previous.norm.length < 3 || isStopword(previous.norm)) return undefined;
    const surname = this.people.surnames.get(word.norm);
    if (!surname) return undefined;
    const matches = surname.owners.filter((owner) => {
      const given = foldText(owner).split(/\s+/)[0] ?? '';
      return given.length > previous.norm.length && given.startsWith(previous.norm);
    });
    return matches.length === 1 ? { start: index - 1, end: index + 1, names: matches } : undefined;
  }

  /**
   * "no more Leo", "leo is fine too": a short form of one well-known given name (a prefix of it, not
   * a given name of its own), capitalised or next to a cue, names the person most credited by far.
   */
  private nickname(index: number): FoundPeople | undefined {
    const word = this.words[index]!;
    if (word.norm.length < 3 || word.norm.length > 5 || isStopword(word.norm)) return undefined;
    if (this.people.surnames.has(word.norm)) return undefined;
    // A given name of its own counts unless a far better known name starts with it ("Leo" McCarey, 1 film).
    const own = this.people.givenNames.get(word.norm)?.credits ?? 0;
    const named = this.capitalised(index) && !this.startsSentence(index);
    // "leo is fine too": a name said to be allowed.
    const allowed =
      ['is', 's', "'s"].includes(this.words[index + 1]?.norm ?? '') &&
      ['fine', 'ok', 'okay', 'alright'].includes(this.words[index + 2]?.norm ?? '');
    if (!named && !allowed && !this.cued(index, index + 1) && this.words[index - 1]?.norm !== 'more')
      return undefined;
    const owners: { name: string; credits: number }[] = [];
    for (const [given, entry] of this.people.givenNames) {
      if (given.length < word.norm.length + 2 || !given.startsWith(word.norm)) continue;
      owners.push({ name: entry.owners[0]!, credits: entry.credits });
    }
    owners.sort((left, right) => right.credits - left.credits);
    const [best, second] = owners;
    if (!best || best.credits < nicknameCredits || best.credits < own * 4) return undefined;
    if (second && second.credits * 2 > best.credits) return undefined;
    return { start: index, end: index + 1, names: [best.name] };
  }

  /** The one surname (of one person) a word not in the dictionary is a typing slip away from. */
  private misspelledSurname(index: number): string | undefined {
    const word = this.words[index]!;
    const allowed = editsAllowed(word.norm.length);
    if (allowed === 0 || isStopword(word.norm) || isEnglishWord(word.norm, word.lemma)) return undefined;
    let best: { surname: string; name: string; edits: number } | undefined;
    let tied = false;
    for (const surname of this.people.surnamesByInitial.get(word.norm[0]!) ?? []) {
      const entry = this.people.surnames.get(surname)!;
      if (entry.owners.length !== 1 || entry.credits < 2 || surname.length < 5) continue;
      const edits = editDistance(word.norm, surname, allowed);
      if (edits > allowed || (best && edits > best.edits)) continue;
      tied = best?.edits === edits;
      best = { surname, name: entry.owners[0]!, edits };
    }
    // "stillar" is "stellar" mistyped before it is "Stiller".
    if (!best || tied || this.isLexiconWord(index) || oneEditFromWord(word.norm, best.surname))
      return undefined;
    return best.name;
  }

  /** Where a person's name starts: a particle ("De Niro") and the given name, even misspelled, before the surname. */
  private nameStart(index: number, name: string, free: (index: number) => boolean): number {
    let start = index;
    const parts = new Set(name.toLowerCase().split(/\s+/));
    while (
      free(start - 1) &&
      !this.words[start]!.barrier &&
      surnameParticles.has(this.words[start - 1]!.norm)
    ) {
      if (!parts.has(this.words[start - 1]!.norm)) break;
      start -= 1;
    }
    const given = this.people.givenNameOf.get(name);
    const previous = this.words[start - 1];
    if (!given || !previous || !free(start - 1) || this.words[start]!.barrier) return start;
    const close =
      previous.norm === given || (given.length >= 5 && editDistance(previous.norm, given, 1) <= 1);
    return close ? start - 1 : start;
  }

  /** Someone the user knows: "my son Logan", "hannah and I", "me and keanu". */
  private acquaintance(index: number): boolean {
    const norm = (at: number) => this.words[at]?.norm ?? '';
    return (
      acquaintanceWords.has(norm(index - 1)) ||
      (norm(index + 1) === 'and' && selfWords.has(norm(index + 2))) ||
      (norm(index - 1) === 'and' && selfWords.has(norm(index - 2)))
    );
  }

  private cued(start: number, end: number): boolean {
    return personCued(this.words, start, end);
  }

  private capitalised(index: number): boolean {
    return /^\p{Lu}/u.test(this.analysis.tokens[this.words[index]!.token]!.text);
  }

  private startsSentence(index: number): boolean {
    const token = this.words[index]!.token;
    return this.analysis.sentences[this.analysis.tokens[token]!.sentence]?.[0] === token;
  }

  /** A noun on its own ("more hanks"), not a modifier of the next noun ("with cruise ships"). */
  private standsAlone(index: number): boolean {
    const tag = (at: number) => this.analysis.tokens[this.words[at]!.token]!.pos;
    if (!nounTags.has(tag(index))) return false;
    const next = this.words[index + 1];
    return !next || next.barrier || personCuesAfter.has(next.norm) || !nounTags.has(tag(index + 1));
  }

  private isLexiconWord(index: number): boolean {
    return this.vocabulary.lexicon.matcher.match([this.words[index]!]).length > 0;
  }
}
