import dictionary from 'dictionary-en';

interface EnglishDictionary {
  /** Stem → its Hunspell flags ("credible" → "I…"). */
  stems: Map<string, string>;
  /** Prefix rules: flag → prefix ("I" → "in"). */
  prefixes: [flag: string, prefix: string][];
}

let loaded: EnglishDictionary | undefined;

function load(): EnglishDictionary {
  const decoder = new TextDecoder();
  const stems = new Map<string, string>();
  for (const line of decoder.decode(dictionary.dic).split('\n').slice(1)) {
    const [stem, flags = ''] = line.split('/');
    if (stem) stems.set(stem.toLowerCase(), (stems.get(stem.toLowerCase()) ?? '') + flags);
  }
  const prefixes: [string, string][] = [];
  for (const line of decoder.decode(dictionary.aff).split('\n')) {
    // "PFX I   0     in   ." — a rule of flag I: strip nothing, add "in".
    const rule = /^PFX\s+(\S+)\s+0\s+(\p{L}+)\s/u.exec(line);
    if (rule) prefixes.push([rule[1]!, rule[2]!.toLowerCase()]);
  }
  return { stems, prefixes };
}

function inDictionary(dictionary: EnglishDictionary, word: string): boolean {
  if (dictionary.stems.has(word)) return true;
  // A prefixed form the stem's flags allow: "incredible" (credible/I), "unwatchable", "rewatch".
  for (const [flag, prefix] of dictionary.prefixes) {
    if (word.length <= prefix.length + 2 || !word.startsWith(prefix)) continue;
    if (dictionary.stems.get(word.slice(prefix.length))?.includes(flag)) return true;
  }
  return false;
}

/**
 * Whether a folded word (or its lemma) is an English dictionary word: Hunspell's en_US list (SCOWL,
 * about 49,000 stems, with the prefixes its affix file allows), read once on first use. Tells
 * "thing", "drive" or "incredible" (words that may be titles by chance) from "shawshank" or "fction"
 * (names and misspellings).
 */
export function isEnglishWord(word: string, lemma?: string): boolean {
  loaded ??= load();
  return inDictionary(loaded, word) || (lemma !== undefined && inDictionary(loaded, lemma));
}

/** Endings of inflected forms the dictionary lists only by their stem ("later", "watched"). */
const endings = ['er', 'r', 'est', 'st', 'ed', 'd', 'es', 's', 'ing', 'ly'];

/**
 * Whether a folded word is an English word or a regular inflection of one ("later" of "late",
 * "greatest" of "great"): Hunspell lists stems, and the NLP library leaves some forms unlemmatised.
 */
export function isEnglishForm(word: string): boolean {
  if (isEnglishWord(word)) return true;
  return endings.some(
    (ending) =>
      word.length > ending.length + 2 &&
      word.endsWith(ending) &&
      isEnglishWord(word.slice(0, -ending.length)),
  );
}

/**
 * The adjective a comparative or superlative is formed from, by Hunspell's own suffix rules and only
 * for stems it marks gradable (flag T, "-est"): "weirder" → "weird", "stranger" → "strange",
 * "quietest" → "quiet"; undefined for any other word ("number", "corner").
 */
export function gradedBase(word: string): string | undefined {
  loaded ??= load();
  const stems = loaded.stems;
  const forms: [suffix: string, replace: string][] = [
    ['ier', 'y'],
    ['iest', 'y'],
    ['er', ''],
    ['est', ''],
    ['r', ''],
    ['st', ''],
  ];
  for (const [suffix, replace] of forms) {
    if (word.length < suffix.length + 3 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length) + replace;
    const flags = stems.get(stem);
    // "-r"/"-st" only after a stem ending in e ("strange-r"), "-er"/"-est" only after one that does not.
    if (suffix.length <= 2 && suffix !== 'er' && !stem.endsWith('e')) continue;
    if ((suffix === 'er' || suffix === 'est') && stem.endsWith('e')) continue;
    if (flags?.includes('T')) return stem;
  }
  return undefined;
}
