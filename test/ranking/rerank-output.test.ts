import { describe, expect, it } from 'vitest';
import { parsePermutation, parseRerankOutput, ReplyStreamer } from '../../src/ranking/rerank-output.js';

const handles = (text: string) => parseRerankOutput(text).picks.map((pick) => pick.handle);

describe('parseRerankOutput', () => {
  it('reads the reply and the numbered picks with their reasons', () => {
    expect(
      parseRerankOutput(
        'REPLY: Two tense crime films for you.\n1. c4 | Michael Mann heist.\n2. c6 | Also Mann.',
      ),
    ).toEqual({
      reply: 'Two tense crime films for you.',
      picks: [
        { handle: 'c4', reason: 'Michael Mann heist.' },
        { handle: 'c6', reason: 'Also Mann.' },
      ],
    });
  });

  it('ignores prose before and after the answer', () => {
    const output = parseRerankOutput(
      'Sure! Here is my ranking.\n\nREPLY: Space films you may like.\n1. c2 | Lonely astronaut.\n2. c1 | Starship.\n\nLet me know if you want more!',
    );
    expect(output.reply).toBe('Space films you may like.');
    expect(output.picks.map((pick) => pick.handle)).toEqual(['c2', 'c1']);
  });

  it('accepts brackets, upper-case handles and other separators', () => {
    expect(handles('REPLY: Hi\n1. [c7] | a\n2) [C12]: b\n3 - c3 — c\n4: c9 - d')).toEqual([
      'c7',
      'c12',
      'c3',
      'c9',
    ]);
    expect(parseRerankOutput('REPLY: Hi\n1. [C12]: loud and fun').picks).toEqual([
      { handle: 'c12', reason: 'loud and fun' },
    ]);
  });

  it('accepts picks without numbers and picks without a reason', () => {
    expect(parseRerankOutput('REPLY: Hi\nc5 | heist\nc8\n').picks).toEqual([
      { handle: 'c5', reason: 'heist' },
      { handle: 'c8', reason: '' },
    ]);
  });

  it('joins a reply that runs over several lines before the list', () => {
    expect(
      parseRerankOutput('REPLY: Here are three picks\nthat match your taste.\n1. c1 | a\nThanks!').reply,
    ).toBe('Here are three picks that match your taste.');
  });

  it('does not read a sentence that starts with a handle as a pick', () => {
    expect(handles('REPLY: Hi\nc7 is the one I would watch first\n1. c2 | a')).toEqual(['c2']);
  });

  it('returns an empty answer for text with neither a reply nor picks', () => {
    expect(parseRerankOutput('I cannot help with that.')).toEqual({ reply: '', picks: [] });
  });
});

describe('parsePermutation', () => {
  it('reads handles in the order written, whatever separates them', () => {
    expect(parsePermutation('c4 > c1 > C3 >c2')).toEqual(['c4', 'c1', 'c3', 'c2']);
    expect(parsePermutation('Ranking: [c10] > [c2], then c7')).toEqual(['c10', 'c2', 'c7']);
  });

  it('does not read handles out of longer words', () => {
    expect(parsePermutation('abc1 > c2x > c3')).toEqual(['c3']);
  });
});

describe('ReplyStreamer', () => {
  const answer =
    'Thinking...\nREPLY: Two tense crime films, both by Michael Mann.\n1. c4 | Heist.\n2. c6 | Night.';
  const reply = 'Two tense crime films, both by Michael Mann.';

  /** Feeds `text` in chunks of `size` characters and collects the deltas. */
  function streamIn(text: string, size: number): string[] {
    const streamer = new ReplyStreamer();
    const deltas: string[] = [];
    let sofar = '';
    for (let index = 0; index < text.length; index += size) {
      sofar += text.slice(index, index + size);
      const delta = streamer.next(sofar);
      if (delta) deltas.push(delta);
    }
    return deltas;
  }

  it('emits exactly the reply line whatever the chunk boundaries', () => {
    for (let size = 1; size <= answer.length; size++) {
      expect(streamIn(answer, size).join(''), `chunks of ${size}`).toBe(reply);
    }
  });

  it('emits the reply progressively, not in one piece at the end', () => {
    const deltas = streamIn(answer, 5);
    expect(deltas.length).toBeGreaterThan(5);
  });

  it('emits nothing after the reply line, even when the text keeps growing', () => {
    const streamer = new ReplyStreamer();
    expect(streamer.next('REPLY: Hello there.\n')).toBe('Hello there.');
    expect(streamer.next('REPLY: Hello there.\n1. c1 | reply: not this')).toBe('');
  });

  it('emits nothing when there is no reply line', () => {
    expect(streamIn('1. c1 | a\n2. c2 | b', 3)).toEqual([]);
  });
});
