import { describe, expect, it } from 'vitest';
import { EnglishAnalyzer } from '../../src/nlp/index.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

describe('a question run on after a statement without a mark', () => {
  it('splits "…comedy Have you seen…" into two sentences, but not a title that opens with "Do"', () => {
    const analyzer = new EnglishAnalyzer();
    const sentences = (text: string) => analyzer.analyze(text).sentences.length;
    expect(sentences('I like musicals and comedy Have you seen Grease')).toBe(2);
    expect(sentences('I loved Do the Right Thing')).toBe(1);
    expect(sentences('What do you think')).toBe(1);
    // After a verb the capitals are its object: a title opening with a question and a pronoun.
    expect(sentences('my fave is What We Do in the Shadows')).toBe(1);
    expect(read('my fave is What We Do in the Shadows').mentionedTitles).toEqual([
      { title: 'What We Do in the Shadows (2014)', sentiment: 'liked' },
    ]);
  });

  it('starts a sentence at "I" with a clause of its own after a title, not at a topicalised one', () => {
    const analyzer = new EnglishAnalyzer();
    const sentences = (text: string) => analyzer.analyze(text).sentences.length;
    expect(sentences("I like Pulp Fiction (1994) I don't tend to watch newer movies")).toBe(2);
    expect(sentences("Moonlight was great. Manchester by the Sea I couldn't take")).toBe(2);
    expect(sentences('loved Rocky I and II')).toBe(1);
    expect(sentences('Yes I do')).toBe(1);
  });

  it('reads the verdict of the run-on sentence that names the title', () => {
    const understanding = read('I like anything I love Leo I loved him in Inception (2010)');
    expect(understanding.mentionedTitles).toContainEqual({ title: 'Inception (2010)', sentiment: 'liked' });
  });

  it('gives a title the user asks the assistant about no "seen" verdict', () => {
    expect(read('I like musicals and comedy Have you seen Grease (1978)').mentionedTitles).toEqual([
      { title: 'Grease (1978)', sentiment: 'neutral' },
    ]);
  });

  it('gives no verdict to a title asked of the assistant mid-sentence or by a pronoun', () => {
    const verdicts = (text: string) => read(text).mentionedTitles.map((entry) => entry.sentiment);
    expect(verdicts('yes i have have you watched Heat (1995)')).toEqual(['neutral']);
    expect(verdicts('he is a great actor have you seen Heat')).toEqual(['neutral']);
    expect(verdicts('how about Heat (1995) Have you seen that?')).toEqual(['neutral']);
    expect(verdicts('yes i have seen Heat')).toEqual(['seen']);
  });

  it('keeps the tastes stated before the question', () => {
    for (const text of [
      'I like musicals and comedy Have you seen Grease (1978)',
      'I like musicals and comedy. Have you seen Grease?',
    ]) {
      const understanding = read(text);
      expect(understanding.intent).toBe('recommend');
      expect(understanding.preferences.genres).toEqual(['musical', 'comedy']);
    }
  });

  it('still reads a question alone, or one about a title with a quality, as a question', () => {
    expect(read('have you seen Grease?').intent).toBe('ask-about-item');
    const violent = read('is Heat violent? asking for my kids');
    expect(violent.intent).toBe('ask-about-item');
    expect(violent.qualities).toEqual([]);
  });
});
