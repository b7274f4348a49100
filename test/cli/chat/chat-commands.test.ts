import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/cli/chat/chat-commands.js';

describe('chat commands', () => {
  it('sends plain words, even with a slash inside, to the agent', () => {
    expect(parseCommand('  not that one, something older ')).toEqual({
      kind: 'message',
      text: 'not that one, something older',
    });
    expect(parseCommand('AC/DC documentaries')).toEqual({ kind: 'message', text: 'AC/DC documentaries' });
    expect(parseCommand('   ')).toEqual({ kind: 'empty' });
  });

  it('reads every command, in any case', () => {
    expect(parseCommand('/help')).toEqual({ kind: 'help' });
    expect(parseCommand('/MORE')).toEqual({ kind: 'more' });
    expect(parseCommand('/why 3')).toEqual({ kind: 'why', position: 3 });
    expect(parseCommand('/why')).toEqual({ kind: 'why', position: 1 });
    expect(parseCommand('/like 1')).toEqual({ kind: 'feedback', feedback: 'liked', position: 1 });
    expect(parseCommand('/dislike 2')).toEqual({ kind: 'feedback', feedback: 'disliked', position: 2 });
    expect(parseCommand('/seen 12')).toEqual({ kind: 'feedback', feedback: 'seen', position: 12 });
    expect(parseCommand('/profile')).toEqual({ kind: 'profile' });
    expect(parseCommand('/forget')).toEqual({ kind: 'forget' });
    expect(parseCommand('/reset')).toEqual({ kind: 'reset' });
    expect(parseCommand('/offline')).toEqual({ kind: 'offline' });
    expect(parseCommand('/quit')).toEqual({ kind: 'quit' });
    expect(parseCommand('/exit')).toEqual({ kind: 'quit' });
  });

  it('answers a missing or bad item number, or an unknown command, with one line', () => {
    expect(parseCommand('/like')).toEqual({
      kind: 'invalid',
      message: '/like needs the number of an item, e.g. /like 2',
    });
    expect(parseCommand('/seen two')).toEqual({
      kind: 'invalid',
      message: '/seen takes an item number (1, 2, …), not "two"',
    });
    expect(parseCommand('/why 0')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/why -1')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/why 1.5')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/like 1 2')).toEqual({
      kind: 'invalid',
      message: '/like takes at most one argument',
    });
    expect(parseCommand('/frobnicate')).toEqual({
      kind: 'invalid',
      message: 'Unknown command /frobnicate. /help lists them.',
    });
  });
});
