import { describe, expect, it } from 'vitest';
import { readerContext, replayTranscript, type TranscriptMessage } from '../../src/dialogue/state/index.js';
import { trainIntentModel } from '../../src/understanding/offline/index.js';
import type { Understanding } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

/** Reads a message after an optional request and the list that answered it (titles as "Title"). */
function read(text: string, before: { request?: string; shown?: string[] } = {}): Understanding {
  const messages: TranscriptMessage[] = [];
  if (before.request) messages.push({ role: 'user', text: before.request });
  if (before.shown) {
    const shown = before.shown.map((title) =>
      demo.retriever.catalog.items.find((item) => item.title === title)!,
    );
    messages.push({ role: 'assistant', text: 'Here are some picks:', shown });
  }
  const { titles, catalog } = demo.retriever.components;
  const { state, lastShown } = replayTranscript(messages, demo.reader, titles, demo.reader.yearAnchors);
  return demo.reader.understand(text, readerContext(state, lastShown, catalog));
}

const crime = { request: 'a crime drama', shown: ['Heat', 'Collateral', 'The Departed'] };
const decision = (understanding: Understanding) => [understanding.intent, understanding.newRequest];

describe('questions about a title', () => {
  it('answers a question about a named title instead of starting a request', () => {
    for (const text of [
      'have you seen Parasite?',
      'whats the princes bride about',
      'is Nope any good',
      "what's Stalker like? is it really that slow?",
      'anyone seen Heat? is it good',
      'never watched Goodfellas, is it like The Departed? I loved that one',
    ])
      expect(decision(read(text)), text).toEqual(['ask-about-item', false]);
  });

  it('answers a question about a shown item it points at', () => {
    const understanding = read('tell me more about number 3', crime);
    expect(understanding.intent).toBe('ask-about-item');
    expect(understanding.referencedPosition).toBe(3);
  });

  it('takes a request that merely names a title as a request', () => {
    for (const text of [
      'something like Heat',
      'have you got anything like Heat?',
      'is there anything like Parasite?',
      "I've seen Heat, what else?",
      'have you seen Heat? I want something like it',
    ])
      expect(decision(read(text)), text).toEqual(['recommend', true]);
  });
});

describe('small talk', () => {
  it('reads greetings, compliments and signing off as small talk', () => {
    expect(read('hello, how does this work?').intent).toBe('chit-chat');
    expect(read("you're actually pretty good at this").intent).toBe('chit-chat');
    expect(read('perfect, watching that now', { request: 'a thriller', shown: ['Knives Out'] }).intent).toBe(
      'chit-chat',
    );
  });

  it('still hears a request that comes with the pleasantries', () => {
    expect(decision(read('hi! something scary please'))).toEqual(['recommend', true]);
    expect(read('perfect, now something funnier', crime).intent).toBe('refine');
    expect(read('just two more', crime)).toMatchObject({ intent: 'refine', quantity: 2 });
  });
});

describe('after a list was shown', () => {
  it('adds to the request in force instead of replacing it', () => {
    for (const text of [
      'also loved Prisoners btw',
      'I love Zodiac and Se7en, if that helps',
      'oh, my 7yo will be watching too btw',
      'with Tom Hanks maybe?',
      'can they be animated',
      'hmm I am up for something lighter actually',
    ])
      expect(decision(read(text, crime)), text).toEqual(['refine', false]);
  });

  it('starts a new request when the user says so', () => {
    for (const text of ['different idea: a documentary about music', 'now something for my kids'])
      expect(decision(read(text, crime)), text).toEqual(['recommend', true]);
  });
});

it('takes a bare number after a request as how many, not small talk', () => {
  const understanding = read('five is good', { request: 'sci-fi' });
  expect(understanding).toMatchObject({ intent: 'recommend', newRequest: false, quantity: 5 });
});

describe('trainIntentModel', () => {
  const examples = [
    { features: ['lemma:hi', 'flag:short'], label: 'chit-chat' as const },
    { features: ['lemma:hi', 'flag:short'], label: 'chit-chat' as const },
    { features: ['lemma:heist', 'flag:genre'], label: 'recommend' as const },
    { features: ['lemma:heist', 'flag:genre'], label: 'recommend' as const },
  ];

  it('gives the same model for the same data, and learns it', () => {
    const first = trainIntentModel(examples, { corpusHash: 'x' });
    expect(trainIntentModel(examples, { corpusHash: 'x' })).toEqual(first);
    const chitChat = first.classes.indexOf('chit-chat');
    expect(first.weights['lemma:hi']![chitChat]).toBeGreaterThan(0);
  });
});
