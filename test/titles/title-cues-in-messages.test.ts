import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

/** Title (without year) → sentiment. */
const titles = (text: string) =>
  Object.fromEntries(
    read(text).mentionedTitles.map((entry) => [entry.title.replace(/ \(\d{4}\)$/, ''), entry.sentiment]),
  );

describe('words around a title that say it is one', () => {
  it('reads a verdict across "every" or "all the" as a verdict on the whole series, with no genre', () => {
    const understanding = read('i really disliked every single star wars film');
    expect(titles('i really disliked every single star wars film')).toEqual({
      'Star Wars': 'disliked',
      'The Empire Strikes Back': 'disliked',
      'Return of the Jedi': 'disliked',
    });
    expect(understanding.preferences.genres).toEqual([]);
    expect(titles("can't stand any star wars movie")).toMatchObject({ 'Star Wars': 'disliked' });
    // "any scary movie" is still a kind of film, not Scary Movie.
    expect(titles('any scary movie is fine')).toEqual({});
  });

  it('reads "a huge X fan" as liking the film or series, and "not a fan" as a dislike', () => {
    expect(titles('huge star wars fan over here')).toEqual({
      'Star Wars': 'liked',
      'The Empire Strikes Back': 'liked',
      'Return of the Jedi': 'liked',
    });
    expect(titles('total indiana jones fan, got anything')).toEqual({
      'Raiders of the Lost Ark': 'liked',
      'Indiana Jones and the Last Crusade': 'liked',
    });
    expect(titles('never was much of a star wars fan')).toMatchObject({ 'Star Wars': 'disliked' });
    // "A fan of" names what follows, not the word before it.
    expect(titles('Big fan of thrillers with a twist')).toEqual({});
  });

  it('finds a short title after "obsessed with", "in love with"', () => {
    expect(titles('my niece is obsessed with Up, more like it')).toEqual({ Up: 'liked' });
    expect(titles("i'm completely in love with Her")).toEqual({ Her: 'liked' });
  });

  it('finds short common-word titles that "both" sums up before a verdict', () => {
    expect(titles('Us and Her were both so good')).toEqual({ Us: 'liked', Her: 'liked' });
  });

  it('finds a title whose long words are each an edit off, after a verdict', () => {
    expect(titles('really enjoyed inglorious bastards')).toEqual({ 'Inglourious Basterds': 'liked' });
    expect(titles('we had some glorious sunny days')).toEqual({});
  });

  it('finds a lower-case title asked about', () => {
    expect(read('who directed memento?').intent).toBe('ask-about-item');
    expect(titles('who directed memento?')).toEqual({ Memento: 'neutral' });
    expect(titles('when did totoro come out')).toEqual({ 'My Neighbor Totoro': 'neutral' });
    expect(titles('who is the villain in Heat')).toEqual({ Heat: 'neutral' });
  });
});
