import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

describe('questions about a film and small talk', () => {
  it('reads a question about a person of a film, or its year, as a question about the item', () => {
    for (const text of ['who plays the main guy in Heat?', 'what year did Alien come out'])
      expect([read(text).intent, read(text).newRequest]).toEqual(['ask-about-item', false]);
  });

  it('points a question at the shown item it names', () => {
    const lastShown = ['Heat', 'Alien', 'Collateral'].map((title) =>
      demo.retriever.catalog.items.find((item) => item.title === title)!,
    );
    const understanding = demo.reader.understand('who directed alien again', {
      lastShown,
      hasRequest: true,
      answered: true,
    });
    expect([understanding.intent, understanding.referencedPosition]).toEqual(['ask-about-item', 2]);
  });

  it('reads stretched greetings, questions about the assistant and sign-offs as small talk', () => {
    for (const text of ['helloooo whats up', 'are u a bot or a human?', "great, that's decided then. bye!"])
      expect([read(text).intent, read(text).newRequest]).toEqual(['chit-chat', false]);
  });
});
