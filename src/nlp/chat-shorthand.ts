import type { Token } from './token.js';

/**
 * Chat shorthand read as the word it stands for, as data: shorthand → [word, lemma, part of speech]. Only spellings
 * with one everyday meaning in a chat about films; the text and offsets stay as typed, so titles are
 * still matched on what was typed.
 */
const shorthand = new Map<string, [norm: string, lemma: string, pos: string]>([
  ['smth', ['something', 'something', 'PRON']],
  ['smthg', ['something', 'something', 'PRON']],
  ['sth', ['something', 'something', 'PRON']],
  ['somethin', ['something', 'something', 'PRON']],
  ['anythin', ['anything', 'anything', 'PRON']],
  ['nothin', ['nothing', 'nothing', 'PRON']],
  ['w/', ['with', 'with', 'ADP']],
  ['w/o', ['without', 'without', 'ADP']],
  ['wo/', ['without', 'without', 'ADP']],
  ['yr', ['year', 'year', 'NOUN']],
  ['yrs', ['years', 'year', 'NOUN']],
  ['hr', ['hour', 'hour', 'NOUN']],
  ['hrs', ['hours', 'hour', 'NOUN']],
  ['mins', ['minutes', 'minute', 'NOUN']],
  ['pls', ['please', 'please', 'INTJ']],
  ['plz', ['please', 'please', 'INTJ']],
  ['pleez', ['please', 'please', 'INTJ']],
  ['tho', ['though', 'though', 'SCONJ']],
  ['altho', ['although', 'although', 'SCONJ']],
  ['cuz', ['because', 'because', 'SCONJ']],
  ['coz', ['because', 'because', 'SCONJ']],
  ['bc', ['because', 'because', 'SCONJ']],
  ['ur', ['your', 'your', 'PRON']],
  ['bf', ['boyfriend', 'boyfriend', 'NOUN']],
  ['gf', ['girlfriend', 'girlfriend', 'NOUN']],
  ['hubby', ['husband', 'husband', 'NOUN']],
  ['fav', ['favourite', 'favourite', 'NOUN']],
  ['fave', ['favourite', 'favourite', 'NOUN']],
  ['favs', ['favourites', 'favourite', 'NOUN']],
  ['faves', ['favourites', 'favourite', 'NOUN']],
  ['rly', ['really', 'really', 'ADV']],
  ['abt', ['about', 'about', 'ADP']],
  ['ppl', ['people', 'people', 'NOUN']],
  ['tmrw', ['tomorrow', 'tomorrow', 'NOUN']],
  ['tmrow', ['tomorrow', 'tomorrow', 'NOUN']],
  ['tmr', ['tomorrow', 'tomorrow', 'NOUN']],
  ['2moro', ['tomorrow', 'tomorrow', 'NOUN']],
  ['tonite', ['tonight', 'tonight', 'NOUN']],
  ['probs', ['probably', 'probably', 'ADV']],
  ['def', ['definitely', 'definitely', 'ADV']],
  ['defo', ['definitely', 'definitely', 'ADV']],
  ['recs', ['recommendations', 'recommendation', 'NOUN']],
  ['b4', ['before', 'before', 'ADP']],
  ['xmas', ['christmas', 'christmas', 'NOUN']],
]);

/** Shorthand that is a word only between two words: "me n my nan", "w jump scares". */
const between = new Map<string, [norm: string, lemma: string, pos: string]>([
  ['n', ['and', 'and', 'CCONJ']],
  ['w', ['with', 'with', 'ADP']],
  ['u', ['you', 'you', 'PRON']],
  ['r', ['are', 'be', 'AUX']],
]);

/** Gives shorthand tokens the norm and lemma of the word they stand for ("smth" → "something"). */
export function expandShorthand(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const whole = shorthand.get(token.norm);
    if (whole) {
      [token.norm, token.lemma, token.pos] = whole;
      return;
    }
    const inner = between.get(token.norm);
    if (!inner || token.text !== token.text.toLowerCase()) return;
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    // "w/ tom hanks": the slash typed right after it.
    const slashed = token.norm === 'w' && after?.text === '/' && after.start === token.end;
    if (slashed || (before?.kind === 'word' && after?.kind === 'word'))
      [token.norm, token.lemma, token.pos] = inner;
  });
}
