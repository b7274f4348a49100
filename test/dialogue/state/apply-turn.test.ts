import { describe, expect, it } from 'vitest';
import {
  applyTurn,
  initialState,
  mergeConstraints,
  recordShown,
  relaxConstraints,
  type DialogueState,
  type RequestState,
  type TurnUpdate,
  type YearAnchors,
} from '../../../src/dialogue/state/index.js';
import {
  emptyConstraints,
  emptyRelaxation,
  type Constraints,
} from '../../../src/understanding/understanding-schema.js';
import { delta, type DeltaInput } from './understanding-delta.js';

const constraints = (input: Partial<Constraints> = {}): Constraints => ({ ...emptyConstraints(), ...input });

const yearAnchors: YearAnchors = { oldUpTo: 1999, recentFrom: 2018 };

interface ShownItem {
  id: string;
  year: number;
}

type UpdateExtras = Partial<Pick<TurnUpdate, 'titles' | 'text' | 'more' | 'qualityWords' | 'statement'>>;

/**
 * A conversation folded turn by turn: `say` applies a user message's delta, `show` records the
 * assistant's list (the next message's "the second one" points into it).
 */
function conversation() {
  let state: DialogueState = initialState();
  let messageIndex = 0;
  let lastShown: ShownItem[] = [];
  return {
    get state(): DialogueState {
      return state;
    },
    get request(): RequestState {
      if (!state.request) throw new Error('no request in force');
      return state.request;
    },
    say(input: DeltaInput, extras: UpdateExtras = {}): DialogueState {
      state = applyTurn(
        state,
        {
          understanding: delta(input),
          messageIndex,
          titles: [],
          lastShown: lastShown.map((item) => item.id),
          lastShownYears: lastShown.map((item) => item.year),
          text: '',
          ...extras,
        },
        yearAnchors,
      );
      messageIndex += 1;
      return state;
    },
    show(items: ShownItem[]): DialogueState {
      state = recordShown(
        state,
        items.map((item) => item.id),
        { answered: true, at: messageIndex },
      );
      lastShown = items;
      messageIndex += 1;
      return state;
    },
  };
}

const list = (...entries: [string, number][]): ShownItem[] => entries.map(([id, year]) => ({ id, year }));

/** "A crime film like Heat from the 90s, not too violent, no horror", answered with three films. */
function crimeRequest() {
  const chat = conversation();
  chat.say(
    {
      newRequest: true,
      preferences: { genres: ['crime'], people: [] },
      constraints: { yearFrom: 1990, yearTo: 1999, excludeGenres: ['horror'] },
      qualities: [{ id: 'violent', polarity: 'less' }],
    },
    {
      titles: [{ id: 'heat', sentiment: 'liked' }],
      text: 'a crime film',
      qualityWords: { violent: 'violent' },
    },
  );
  chat.show(list(['casino', 1995], ['goodfellas', 1990], ['fargo', 1996]));
  return chat;
}

describe('a new request', () => {
  it('starts afresh and keeps only the session verdicts', () => {
    const chat = crimeRequest();
    chat.say(
      { intent: 'refine', shownFeedback: [{ position: 1, sentiment: 'seen' }] },
      { titles: [{ id: 'alien', sentiment: 'disliked' }] },
    );
    chat.show(list(['se7en', 1995], ['heat-2', 1999]));
    chat.say({ intent: 'refine', rejectsShown: true });
    const factsBefore = chat.state.facts;

    chat.say(
      { newRequest: true, qualities: [{ id: 'scary', polarity: 'more' }] },
      { text: 'scary space films' },
    );

    const request = chat.request;
    expect(request.startIndex).toBe(5);
    expect(request.constraints).toEqual(emptyConstraints());
    expect(request.preferences).toEqual({ genres: [], people: [] });
    expect(request.focus).toEqual([]);
    expect(request.anchors).toEqual([]);
    expect(request.qualities).toEqual([{ id: 'scary', polarity: 'more' }]);
    expect(request.texts).toEqual(['scary space films']);
    expect(request.suggested).toEqual([]);
    expect(request.seeds).toEqual([]);
    expect(request.answered).toBe(false);
    expect(chat.state.facts).toEqual(factsBefore);
    expect(chat.state.facts).toEqual({
      liked: ['heat'],
      disliked: ['alien'],
      seen: ['casino'],
      rejected: ['se7en', 'heat-2'],
      named: ['heat', 'alien'],
    });
  });

  it('drops the old years and takes only its own', () => {
    const chat = crimeRequest();
    chat.say({
      newRequest: true,
      preferences: { genres: ['western'], people: [] },
      constraints: { yearTo: 1959 },
    });
    expect(chat.request.constraints).toEqual(constraints({ yearTo: 1959 }));
    expect(chat.request.preferences.genres).toEqual(['western']);
  });

  it('takes up a list shown before any request, minus what the user turned down', () => {
    const chat = conversation();
    chat.show(list(['heat', 1995], ['alien', 1979], ['up', 2009]));
    chat.say({ intent: 'chit-chat', shownFeedback: [{ position: 2, sentiment: 'disliked' }] });
    expect(chat.state.request).toBeNull();
    chat.say({ newRequest: true, preferences: { genres: ['crime'], people: [] } });
    expect(chat.request.suggested).toEqual(['heat', 'up']);
    expect(chat.state.pending).toEqual([]);
  });
});

describe('a refinement edits the request in force and keeps the rest', () => {
  it('"older" goes before everything just shown', () => {
    const chat = crimeRequest();
    const before = chat.request;
    chat.say({ intent: 'refine', yearDirection: 'older' }, { text: 'older' });
    const request = chat.request;
    expect(request.constraints).toEqual({ ...before.constraints, yearFrom: null, yearTo: 1989 });
    expect(request.startIndex).toBe(before.startIndex);
    expect(request.preferences).toEqual(before.preferences);
    expect(request.qualities).toEqual(before.qualities);
    expect(request.anchors).toEqual(['heat']);
    expect(request.texts).toEqual(['a crime film', 'older']);
  });

  it('"older" with nothing shown leans to old films without limiting', () => {
    const chat = conversation();
    chat.say({ newRequest: true, preferences: { genres: ['comedy'], people: [] } });
    chat.say({ intent: 'refine', yearDirection: 'older' });
    expect(chat.request.constraints).toEqual(emptyConstraints());
    expect(chat.request.preferredYears).toEqual({ to: yearAnchors.oldUpTo });
    expect(chat.request.preferences.genres).toEqual(['comedy']);
  });

  it('"older" after "after 2010" gives the limit up when only a year or two would fit', () => {
    const chat = conversation();
    chat.say({
      newRequest: true,
      preferences: { genres: ['sci-fi'], people: [] },
      constraints: { yearFrom: 2011 },
    });
    chat.show(list(['arrival', 2016], ['interstellar', 2014], ['her', 2013]));
    chat.say({ intent: 'refine', yearDirection: 'older' });
    expect(chat.request.constraints).toEqual(constraints({ yearFrom: null, yearTo: 2010 }));
    expect(chat.request.preferences.genres).toEqual(['sci-fi']);
  });

  it('"funnier" adds a quality; "less funny" then replaces it rather than contradicting it', () => {
    const chat = crimeRequest();
    chat.say(
      { intent: 'refine', qualities: [{ id: 'funny', polarity: 'more' }] },
      { qualityWords: { funny: 'funnier' } },
    );
    expect(chat.request.qualities).toEqual([
      { id: 'violent', polarity: 'less', word: 'violent' },
      { id: 'funny', polarity: 'more', word: 'funnier' },
    ]);
    expect(chat.request.constraints.yearFrom).toBe(1990);
    chat.say({ intent: 'refine', qualities: [{ id: 'funny', polarity: 'less' }] });
    expect(chat.request.qualities).toEqual([
      { id: 'violent', polarity: 'less', word: 'violent' },
      { id: 'funny', polarity: 'less' },
    ]);
  });

  it('"not that one" turns the item down and drops it as a seed, the request otherwise unchanged', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', referencedPosition: 2 }, { text: 'more like the second one' });
    expect(chat.request.anchors).toEqual(['goodfellas', 'heat']);
    const before = chat.request;
    chat.show(list(['the-departed', 2006], ['casino', 1995]));
    // "Not that one" about the second item of the new list.
    chat.say({ intent: 'refine', shownFeedback: [{ position: 2, sentiment: 'disliked' }] });
    expect(chat.state.facts.disliked).toEqual(['casino']);
    expect(chat.request.suggested).not.toContain('casino');
    expect(chat.request.seeds.map((seed) => seed.id)).not.toContain('casino');
    expect(chat.request.constraints).toEqual(before.constraints);
    expect(chat.request.qualities).toEqual(before.qualities);
    expect(chat.request.anchors).toEqual(['goodfellas', 'heat']);
  });

  it('"not that one" on the item the request was about drops it as an anchor', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', referencedPosition: 2 });
    chat.say({ intent: 'refine', shownFeedback: [{ position: 2, sentiment: 'disliked' }] });
    expect(chat.request.anchors).toEqual(['heat']);
    expect(chat.state.facts.disliked).toEqual(['goodfellas']);
  });

  it('"any year is fine" lifts the years, hard and soft, and keeps the genres and qualities', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', relax: { years: true } });
    expect(chat.request.constraints).toEqual(constraints({ excludeGenres: ['horror'] }));
    expect(chat.request.preferences.genres).toEqual(['crime']);
    expect(chat.request.qualities).toHaveLength(1);

    const leaning = conversation();
    leaning.say({ newRequest: true, yearDirection: 'older' });
    expect(leaning.request.preferredYears).toEqual({ to: yearAnchors.oldUpTo });
    leaning.say({ intent: 'refine', relax: { years: true } });
    expect(leaning.request.preferredYears).toBeNull();
  });

  it('"horror is fine after all" lifts only that exclusion', () => {
    const chat = conversation();
    chat.say({ newRequest: true, constraints: { excludeGenres: ['horror', 'comedy'], yearFrom: 2001 } });
    chat.say({ intent: 'refine', relax: { excludeGenres: ['horror'] } });
    expect(chat.request.constraints).toEqual(constraints({ excludeGenres: ['comedy'], yearFrom: 2001 }));
  });

  it('"any genre" drops the genres asked for, not the exclusions', () => {
    const chat = conversation();
    chat.say({
      newRequest: true,
      preferences: { genres: ['western'], people: [] },
      constraints: { genres: ['drama'], excludeGenres: ['horror'] },
    });
    chat.say({ intent: 'refine', relax: { genres: true } });
    expect(chat.request.constraints).toEqual(constraints({ excludeGenres: ['horror'] }));
    expect(chat.request.preferences.genres).toEqual([]);
    expect(chat.request.focus).toEqual([]);
  });

  it('"violence is ok" drops only that quality', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', qualities: [{ id: 'funny', polarity: 'more' }] });
    chat.say({ intent: 'refine', relax: { qualities: ['violent'] } });
    expect(chat.request.qualities).toEqual([{ id: 'funny', polarity: 'more' }]);
  });

  it('a genre now required is no longer excluded, and one now excluded is no longer asked for', () => {
    const chat = conversation();
    chat.say({ newRequest: true, constraints: { excludeGenres: ['horror', 'comedy'] } });
    chat.say({ intent: 'refine', constraints: { genres: ['horror'] } });
    expect(chat.request.constraints.genres).toEqual(['horror']);
    expect(chat.request.constraints.excludeGenres).toEqual(['comedy']);

    const other = conversation();
    other.say({ newRequest: true, preferences: { genres: ['comedy', 'romance'], people: [] } });
    other.say({ intent: 'refine', constraints: { excludeGenres: ['comedy'] } });
    expect(other.request.preferences.genres).toEqual(['romance']);
    expect(other.request.focus).toEqual(['romance']);
  });

  it('an addition to the request keeps its anchors and adds the new title', () => {
    const chat = crimeRequest();
    chat.say(
      { intent: 'recommend', newRequest: false },
      { titles: [{ id: 'collateral', sentiment: 'liked' }] },
    );
    expect(chat.request.anchors).toEqual(['collateral', 'heat']);
    expect(chat.request.constraints.yearFrom).toBe(1990);
  });
});

describe('years', () => {
  it('"before 1960" after a genre request limits the years and keeps the genre', () => {
    const chat = conversation();
    chat.say({ newRequest: true, preferences: { genres: ['crime'], people: [] } });
    chat.say({ intent: 'refine', constraints: { yearTo: 1959 } });
    expect(chat.request.constraints).toEqual(constraints({ yearTo: 1959 }));
    expect(chat.request.preferences.genres).toEqual(['crime']);
  });

  it('a second limit that leaves some years narrows the first', () => {
    const chat = conversation();
    chat.say({ newRequest: true, constraints: { yearTo: 1959 } });
    chat.say({ intent: 'refine', constraints: { yearFrom: 1951 } });
    expect(chat.request.constraints).toEqual(constraints({ yearFrom: 1951, yearTo: 1959 }));
  });

  it('a second limit that leaves no year replaces the first ("before 1960", then "after 2000")', () => {
    const chat = conversation();
    chat.say({
      newRequest: true,
      preferences: { genres: ['crime'], people: [] },
      constraints: { yearTo: 1959 },
    });
    chat.say({ intent: 'refine', constraints: { yearFrom: 2001 } });
    expect(chat.request.constraints).toEqual(constraints({ yearFrom: 2001 }));
    chat.say({ intent: 'refine', constraints: { yearTo: 1980 } });
    expect(chat.request.constraints).toEqual(constraints({ yearTo: 1980 }));
    expect(chat.request.preferences.genres).toEqual(['crime']);
  });

  it('a decade replaces a decade', () => {
    const chat = conversation();
    chat.say({ newRequest: true, constraints: { yearFrom: 1990, yearTo: 1999 } });
    chat.say({ intent: 'refine', constraints: { yearFrom: 2000, yearTo: 2009 } });
    expect(chat.request.constraints).toEqual(constraints({ yearFrom: 2000, yearTo: 2009 }));
  });

  it('years stated as a taste ("I love 80s movies") lean instead of limiting', () => {
    const chat = conversation();
    chat.say({ newRequest: true, constraints: { yearFrom: 1980, yearTo: 1989 } }, { statement: true });
    expect(chat.request.constraints).toEqual(emptyConstraints());
    expect(chat.request.preferredYears).toEqual({ from: 1980, to: 1989 });
  });
});

describe('"/more"', () => {
  it('reruns the whole request, soft qualities included', () => {
    const chat = crimeRequest();
    const before = chat.state;
    chat.say({ intent: 'refine' }, { more: true });
    expect(chat.state).toEqual(before);
    expect(chat.request.qualities).toEqual([{ id: 'violent', polarity: 'less', word: 'violent' }]);
    expect(chat.request.anchors).toEqual(['heat']);
    expect(chat.request.constraints.excludeGenres).toEqual(['horror']);
  });

  it('after a refinement reruns the refined request', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', constraints: { yearFrom: null, yearTo: 1959 }, relax: { years: true } });
    const refined = chat.request;
    chat.show(list(['touch-of-evil', 1958]));
    chat.say({ intent: 'refine' }, { more: true });
    expect(chat.request.constraints).toEqual(refined.constraints);
    expect(chat.request.qualities).toEqual(refined.qualities);
  });
});

describe('feedback on shown items', () => {
  it('goes into the session verdicts by position and leaves the limits and wishes alone', () => {
    const chat = crimeRequest();
    const before = chat.request;
    chat.say({
      intent: 'refine',
      shownFeedback: [
        { position: 1, sentiment: 'liked' },
        { position: 3, sentiment: 'seen' },
        { position: 9, sentiment: 'disliked' },
      ],
    });
    expect(chat.state.facts.liked).toEqual(['heat', 'casino']);
    expect(chat.state.facts.seen).toEqual(['fargo']);
    expect(chat.state.facts.disliked).toEqual([]);
    expect(chat.request.constraints).toEqual(before.constraints);
    expect(chat.request.preferences).toEqual(before.preferences);
    expect(chat.request.qualities).toEqual(before.qualities);
    expect(chat.request.startIndex).toBe(before.startIndex);
  });

  it('"none of these" turns the whole list down except what the user liked', () => {
    const chat = crimeRequest();
    const before = chat.request;
    chat.say({ intent: 'refine', rejectsShown: true, shownFeedback: [{ position: 2, sentiment: 'liked' }] });
    expect(chat.state.facts.rejected).toEqual(['casino', 'fargo']);
    expect(chat.request.suggested).toEqual([]);
    expect(chat.request.constraints).toEqual(before.constraints);
    expect(chat.request.qualities).toEqual(before.qualities);
  });

  it('said in passing ("oh, I have seen the first one") leaves the request exactly as it was', () => {
    const chat = crimeRequest();
    const before = chat.request;
    chat.say({ intent: 'chit-chat', shownFeedback: [{ position: 1, sentiment: 'seen' }] });
    expect(chat.request).toEqual(before);
    expect(chat.state.facts.seen).toEqual(['casino']);
  });
});

describe('questions and small talk', () => {
  it.each(['ask-about-item', 'chit-chat', 'clarify'] as const)('%s leaves the request as it is', (intent) => {
    const chat = crimeRequest();
    const before = chat.state;
    chat.say({ intent, referencedPosition: 1, reply: 'Sure.' }, { text: 'why the first one' });
    expect(chat.state.request).toEqual(before.request);
    expect(chat.state.facts).toEqual(before.facts);
  });

  it('remembers the item a question was about until the next request or refinement', () => {
    const chat = crimeRequest();
    chat.say(
      { intent: 'ask-about-item', referencedPosition: 1, reply: 'Sure.' },
      { text: 'why the first one' },
    );
    expect(chat.state.asked).toBe('casino');
    chat.say({ intent: 'chit-chat', reply: 'Sure.' }, { text: 'cool' });
    expect(chat.state.asked).toBe('casino');
    chat.say({ intent: 'refine', yearDirection: 'older' }, { text: 'older' });
    expect(chat.state.asked).toBeNull();
  });

  it('small talk before any request starts none', () => {
    const chat = conversation();
    chat.say({ intent: 'chit-chat', reply: 'Hi!' }, { text: 'hello there' });
    expect(chat.state.request).toBeNull();
  });
});

describe('verdicts', () => {
  it('a later verdict on a title replaces the earlier one', () => {
    const chat = conversation();
    chat.say({ newRequest: true }, { titles: [{ id: 'heat', sentiment: 'liked' }] });
    chat.say({ intent: 'refine' }, { titles: [{ id: 'heat', sentiment: 'disliked' }] });
    expect(chat.state.facts).toMatchObject({ liked: [], disliked: ['heat'], named: ['heat'] });
    expect(chat.request.anchors).toEqual([]);
    chat.say({ intent: 'refine' }, { titles: [{ id: 'heat', sentiment: 'liked' }] });
    expect(chat.state.facts).toMatchObject({ liked: ['heat'], disliked: [] });
  });

  it('a verdict on a shown item replaces the earlier one, a named title without a verdict keeps it', () => {
    const chat = crimeRequest();
    chat.say({ intent: 'refine', shownFeedback: [{ position: 2, sentiment: 'disliked' }] });
    chat.say({ intent: 'refine', shownFeedback: [{ position: 2, sentiment: 'liked' }] });
    expect(chat.state.facts).toMatchObject({ liked: ['heat', 'goodfellas'], disliked: [] });
    chat.say({ intent: 'refine' }, { titles: [{ id: 'goodfellas', sentiment: 'neutral' }] });
    expect(chat.state.facts.liked).toEqual(['heat', 'goodfellas']);
  });

  it("a title named as seen is the request's anchor when the message names nothing else", () => {
    const chat = conversation();
    chat.say({ newRequest: true }, { titles: [{ id: 'alien', sentiment: 'seen' }] });
    expect(chat.request.anchors).toEqual(['alien']);
    expect(chat.state.facts.seen).toEqual(['alien']);
    chat.say({ newRequest: true, preferences: { genres: ['western'], people: [] } });
    expect(chat.request.anchors).toEqual([]);
    expect(chat.state.facts.seen).toEqual(['alien']);
  });
});

describe('mergeConstraints', () => {
  it('lets later fields win and merges the lists', () => {
    expect(
      mergeConstraints(
        constraints({ yearFrom: 1990, genres: ['crime'], excludePeople: ['Tom Cruise'] }),
        constraints({ yearTo: 1999, genres: ['drama'], people: ['Al Pacino'] }),
      ),
    ).toEqual(
      constraints({
        yearFrom: 1990,
        yearTo: 1999,
        genres: ['crime', 'drama'],
        people: ['Al Pacino'],
        excludePeople: ['Tom Cruise'],
      }),
    );
  });

  it('lets a person now required back in and keeps one now excluded out', () => {
    expect(
      mergeConstraints(
        constraints({ people: ['Tom Hanks'], excludePeople: ['Tom Cruise'] }),
        constraints({ people: ['Tom Cruise'], excludePeople: ['Tom Hanks'] }),
      ),
    ).toEqual(constraints({ people: ['Tom Cruise'], excludePeople: ['Tom Hanks'] }));
  });

  it('never leaves a year range with no year in it', () => {
    expect(mergeConstraints(constraints({ yearTo: 1959 }), constraints({ yearFrom: 2001 }))).toEqual(
      constraints({ yearFrom: 2001 }),
    );
    expect(mergeConstraints(constraints({ yearFrom: 2001 }), constraints({ yearTo: 1959 }))).toEqual(
      constraints({ yearTo: 1959 }),
    );
    expect(mergeConstraints(constraints({ yearFrom: 1950 }), constraints({ yearTo: 1950 }))).toEqual(
      constraints({ yearFrom: 1950, yearTo: 1950 }),
    );
  });
});

describe('relaxConstraints', () => {
  const active = constraints({
    yearFrom: 2011,
    yearTo: 2020,
    genres: ['thriller'],
    excludeGenres: ['horror', 'comedy'],
    people: ['Tom Hanks'],
    excludePeople: ['Tom Cruise'],
  });

  it('loosens only what the user said', () => {
    expect(relaxConstraints(active, { ...emptyRelaxation(), years: true })).toEqual({
      ...active,
      yearFrom: null,
      yearTo: null,
    });
    expect(relaxConstraints(active, { ...emptyRelaxation(), genres: true })).toEqual({
      ...active,
      genres: [],
    });
    expect(relaxConstraints(active, { ...emptyRelaxation(), excludeGenres: ['horror'] })).toEqual({
      ...active,
      excludeGenres: ['comedy'],
    });
    expect(relaxConstraints(active, { ...emptyRelaxation(), excludePeople: ['Tom Cruise'] })).toEqual({
      ...active,
      excludePeople: [],
    });
    expect(relaxConstraints(active, emptyRelaxation())).toEqual(active);
  });
});
