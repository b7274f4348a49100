import { polarityOf, type Lookup } from './scope.js';

/** Words that name a kind of limit as a whole: relaxing one lifts every limit of that kind. */
const limitWords: Record<string, 'years' | 'genres'> = {
  year: 'years',
  years: 'years',
  decade: 'years',
  decades: 'years',
  era: 'years',
  eras: 'years',
  period: 'years',
  date: 'years',
  genre: 'genres',
  genres: 'genres',
  category: 'genres',
};

/**
 * The words for a kind of limit that a relaxing cue governs: "decade doesn't really matter", "the
 * genre isn't important", "forget about the era". Words `skip` claims (titles, stated years) are left.
 */
export function relaxedLimits(
  lookup: Lookup,
  skip: (index: number) => boolean,
): { kind: 'years' | 'genres'; index: number }[] {
  const out: { kind: 'years' | 'genres'; index: number }[] = [];
  lookup.words.forEach((word, index) => {
    const kind = limitWords[word.norm];
    if (!kind || skip(index)) return;
    const polarity = polarityOf(lookup, { start: index, end: index + 1 });
    if (polarity === 'relax' || polarity === 'unrequire' || polarity === 'drop') out.push({ kind, index });
  });
  return out;
}
