import { describe, expect, it } from 'vitest';
import { hasStem, matchesStem } from '../../src/lexicon/index.js';

describe('matchesStem', () => {
  it('matches a short stem in its own forms only', () => {
    for (const [word, stem] of [
      ['wars', 'war'],
      ['funny', 'fun'],
      ['funniest', 'fun'],
      ['scary', 'scar'],
      ['gripping', 'grip'],
      ['loving', 'love'],
      ['racing', 'race'],
      ['kindness', 'kind'],
      ['witty', 'witty'],
    ])
      expect(matchesStem(word!, stem!), `${word} ~ ${stem}`).toBe(true);
    for (const [word, stem] of [
      ['warm', 'war'],
      ['warrior', 'war'],
      ['funeral', 'fun'],
      ['saddle', 'sad'],
      ['with', 'wit'],
      ['scarf', 'scar'],
      ['hopeless', 'hope'],
    ])
      expect(matchesStem(word!, stem!), `${word} !~ ${stem}`).toBe(false);
  });

  it('lets a stem of five letters or more match any word it begins', () => {
    expect(matchesStem('hilarious', 'hilar')).toBe(true);
    expect(matchesStem('comedian', 'comed')).toBe(true);
    expect(hasStem(['a', 'long', 'melancholy', 'gangster', 'epic', 'with', 'regret'], ['wit', 'comed'])).toBe(
      false,
    );
  });
});
