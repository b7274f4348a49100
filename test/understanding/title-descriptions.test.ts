import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

describe('words that only tell which film or what it was like', () => {
  it('takes the cast named after a title for the film, not a wish for the actor', () => {
    expect(read('Hero with Jet Li was stunning').preferences.people).toEqual([]);
    expect(read('Heat starring Al Pacino is my favourite').preferences.people).toEqual([]);
  });

  it('still reads an actor the message asks for', () => {
    expect(read('I liked Heat with Al Pacino, more with him please').preferences.people).toEqual([
      'Al Pacino',
    ]);
    expect(read('loved Heat, something with Al Pacino').preferences.people).toEqual(['Al Pacino']);
  });

  it('reads "that energy" after a title as pointing back at it, not as a mood asked for', () => {
    const understanding = read('the back to the future trilogy is perfect, anything with that energy?');
    expect(understanding.qualities).toEqual([]);
    expect(read('loved Heat, something with more energy').qualities).toEqual([
      { id: 'exciting', polarity: 'more' },
    ]);
  });

  it('reads "is killing me" as an idiom, not violence', () => {
    expect(read('the heat is killing me, just want something funny').qualities).toEqual([
      { id: 'funny', polarity: 'more' },
    ]);
    expect(read('no killing please').qualities).toEqual([{ id: 'violent', polarity: 'less' }]);
  });

  it('gives no verdict from a question that follows the title', () => {
    expect(read("anyone seen 'Heat'? is it good").mentionedTitles).toEqual([
      { title: 'Heat (1995)', sentiment: 'neutral' },
    ]);
    expect(read('Heat? I loved that one').mentionedTitles).toEqual([
      { title: 'Heat (1995)', sentiment: 'liked' },
    ]);
  });
});
