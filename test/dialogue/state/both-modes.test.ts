import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender } from '../../../src/agent/create-recommender.js';
import type { TurnResult } from '../../../src/agent/turn-events.js';
import type { DialogueState, RequestState } from '../../../src/dialogue/state/index.js';
import type { GenerateRequest } from '../../../src/model/language-model.js';
import { ScriptedModel, type ScriptedStep } from '../../../src/model/scripted-model.js';
import { MemoryProfileStore } from '../../../src/profile/memory-profile-store.js';
import type { Retriever } from '../../../src/retrieval/index.js';
import { openDemoRetriever } from '../../helpers/demo-retriever.js';
import { delta, type DeltaInput } from './understanding-delta.js';

// Each scenario runs twice on the demo catalog: read by the offline reader, and understood by a
// scripted model answering the delta an ideal model would. The dialogue state after every turn
// must be the same in both modes.

let retriever: Retriever;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 120_000);

afterAll(async () => {
  await dispose();
});

interface ScenarioTurn {
  /** The user's words, or "/more". */
  say: string;
  /** The delta an ideal model answers for it (none for "/more", which reads nothing). */
  model?: DeltaInput;
}

interface Scenario {
  name: string;
  turns: ScenarioTurn[];
  /** What the state after the last turn holds, in both modes. */
  expected: Partial<StateView>;
}

/**
 * The state as it bears on the next retrieval, with items by title; an item the assistant showed
 * is named by its place ("list 2 #3"), since the two modes show different lists.
 */
interface StateView {
  startIndex: number | null;
  anchors: string[];
  named: string[];
  suggested: string[];
  constraints: RequestState['constraints'] | null;
  genres: string[];
  focus: string[];
  qualities: string[];
  audiences: string[];
  preferredYears: RequestState['preferredYears'];
  quantity: number | null;
  texts: string[];
  facts: { liked: string[]; disliked: string[]; seen: string[]; rejected: string[]; named: string[] };
}

const empty = { yearFrom: null, yearTo: null, genres: [], excludeGenres: [], people: [], excludePeople: [] };

const scenarios: Scenario[] = [
  {
    name: 'a new topic drops the old genre',
    turns: [
      { say: 'a comedy', model: { newRequest: true, preferences: { genres: ['comedy'], people: [] } } },
      {
        say: 'scary space films instead',
        model: { newRequest: true, qualities: [{ id: 'scary', polarity: 'more' }] },
      },
    ],
    expected: { startIndex: 2, genres: [], focus: [], qualities: ['more scary (scary)'], constraints: empty },
  },
  {
    name: '"/more" keeps "less violent"',
    turns: [
      {
        say: 'something like Heat but less violent',
        model: {
          newRequest: true,
          mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }],
          qualities: [{ id: 'violent', polarity: 'less' }],
        },
      },
      { say: '/more' },
    ],
    expected: {
      startIndex: 0,
      anchors: ['Heat'],
      qualities: ['less violent (violent)'],
      suggested: [
        'list 2 #1',
        'list 2 #2',
        'list 2 #3',
        'list 2 #4',
        'list 2 #5',
        'list 1 #1',
        'list 1 #2',
        'list 1 #3',
        'list 1 #4',
        'list 1 #5',
      ],
      facts: { liked: ['Heat'], disliked: [], seen: [], rejected: [], named: ['Heat'] },
    },
  },
  {
    name: 'a year limit added to "anything but horror or comedy"',
    turns: [
      {
        say: 'anything but horror or comedy',
        model: { newRequest: true, constraints: { excludeGenres: ['horror', 'comedy'] } },
      },
      { say: 'after 2000', model: { intent: 'refine', constraints: { yearFrom: 2001 } } },
    ],
    expected: {
      startIndex: 0,
      constraints: { ...empty, yearFrom: 2001, excludeGenres: ['horror', 'comedy'] },
    },
  },
  {
    name: 'a title seen stays seen through a new request',
    turns: [
      {
        say: "I've seen Alien",
        model: { newRequest: true, mentionedTitles: [{ title: 'Alien', sentiment: 'seen' }] },
      },
      { say: 'a western', model: { newRequest: true, preferences: { genres: ['western'], people: [] } } },
    ],
    expected: {
      startIndex: 2,
      anchors: [],
      named: [],
      genres: ['western'],
      facts: { liked: [], disliked: [], seen: ['Alien'], rejected: [], named: ['Alien'] },
    },
  },
  {
    name: '"before 1960" after a genre request',
    turns: [
      { say: 'a crime film', model: { newRequest: true, preferences: { genres: ['crime'], people: [] } } },
      { say: 'before 1960', model: { intent: 'refine', constraints: { yearTo: 1959 } } },
    ],
    expected: { startIndex: 0, genres: ['crime'], constraints: { ...empty, yearTo: 1959 } },
  },
  {
    name: '"after 2000" replaces "before 1960"',
    turns: [
      {
        say: 'a crime film before 1960',
        model: {
          newRequest: true,
          preferences: { genres: ['crime'], people: [] },
          constraints: { yearTo: 1959 },
        },
      },
      { say: 'actually, something after 2000', model: { intent: 'refine', constraints: { yearFrom: 2001 } } },
    ],
    expected: { startIndex: 0, genres: ['crime'], constraints: { ...empty, yearFrom: 2001 } },
  },
  {
    name: '"horror is fine after all" lifts the exclusion',
    turns: [
      {
        say: 'a thriller, no horror',
        model: {
          newRequest: true,
          preferences: { genres: ['thriller'], people: [] },
          constraints: { excludeGenres: ['horror'] },
        },
      },
      { say: 'horror is fine after all', model: { intent: 'refine', relax: { excludeGenres: ['horror'] } } },
    ],
    expected: { genres: ['thriller'], constraints: empty },
  },
  {
    name: '"only horror then" after excluding horror and comedy',
    turns: [
      {
        say: 'anything but horror or comedy',
        model: { newRequest: true, constraints: { excludeGenres: ['horror', 'comedy'] } },
      },
      { say: 'only horror then', model: { intent: 'refine', constraints: { genres: ['horror'] } } },
    ],
    expected: { constraints: { ...empty, genres: ['horror'], excludeGenres: ['comedy'] }, focus: ['horror'] },
  },
  {
    name: '"any year is fine" lifts the decade and keeps the genre',
    turns: [
      {
        say: 'a crime film from the 90s',
        model: {
          newRequest: true,
          preferences: { genres: ['crime'], people: [] },
          constraints: { yearFrom: 1990, yearTo: 1999 },
        },
      },
      { say: 'any year is fine', model: { intent: 'refine', relax: { years: true } } },
    ],
    expected: { genres: ['crime'], constraints: empty, preferredYears: null },
  },
  {
    name: '"funnier" adds to the request',
    turns: [
      { say: 'a crime film', model: { newRequest: true, preferences: { genres: ['crime'], people: [] } } },
      { say: 'funnier', model: { intent: 'refine', qualities: [{ id: 'funny', polarity: 'more' }] } },
    ],
    expected: { startIndex: 0, genres: ['crime'], qualities: ['more funny (funnier)'] },
  },
  {
    name: 'verdicts on shown lists outlive the request',
    turns: [
      { say: 'a crime film', model: { newRequest: true, preferences: { genres: ['crime'], people: [] } } },
      {
        say: 'not the second one',
        model: { intent: 'refine', shownFeedback: [{ position: 2, sentiment: 'disliked' }] },
      },
      { say: 'none of these', model: { intent: 'refine', rejectsShown: true } },
      { say: 'a western', model: { newRequest: true, preferences: { genres: ['western'], people: [] } } },
    ],
    expected: {
      startIndex: 6,
      genres: ['western'],
      // Only the new request's own list seeds it, not the crime films.
      suggested: ['list 4 #1', 'list 4 #2', 'list 4 #3', 'list 4 #4', 'list 4 #5'],
      facts: {
        liked: [],
        disliked: ['list 1 #2'],
        seen: [],
        rejected: ['list 2 #1', 'list 2 #2', 'list 2 #3', 'list 2 #4', 'list 2 #5'],
        named: [],
      },
    },
  },
  {
    name: 'small talk leaves the request',
    turns: [
      { say: 'a crime film', model: { newRequest: true, preferences: { genres: ['crime'], people: [] } } },
      { say: 'thanks!', model: { intent: 'chit-chat', reply: 'You are welcome, enjoy the film!' } },
    ],
    expected: { startIndex: 0, genres: ['crime'], texts: ['a crime'] },
  },
];

const userText = (request: GenerateRequest) =>
  request.messages.findLast((message) => message.role === 'user')?.content ?? '';

/** A rerank answer that keeps the first five cards in their order. */
function rerankFirstFive(request: GenerateRequest) {
  const block = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(userText(request))?.[1] ?? '';
  const handles = block
    .split('\n')
    .slice(0, 5)
    .map((line) => line.split(' | ')[0]!);
  return {
    text: [
      'REPLY: Here you go.',
      ...handles.map((handle, index) => `${index + 1}. ${handle} | fits the request`),
    ].join('\n'),
  };
}

/** The script an ideal model follows through the scenario: its delta, then a rerank for a list. */
function script(scenario: Scenario): ScriptedStep[] {
  return scenario.turns.flatMap((turn): ScriptedStep[] => {
    if (!turn.model) return [rerankFirstFive];
    const understanding = delta({ queries: [turn.say], ...turn.model });
    const understand: ScriptedStep = { purpose: 'understand', text: JSON.stringify(understanding) };
    const lists = understanding.intent === 'recommend' || understanding.intent === 'refine';
    return lists ? [understand, rerankFirstFive] : [understand];
  });
}

function view(state: DialogueState, labels: Map<string, string>): StateView {
  const name = (id: string) => labels.get(id) ?? retriever.catalog.byId.get(id)?.title ?? id;
  const names = (ids: string[]) => ids.map(name);
  const request = state.request;
  return {
    startIndex: request?.startIndex ?? null,
    anchors: names(request?.anchors ?? []),
    named: names(request?.named ?? []),
    suggested: names(request?.suggested ?? []),
    constraints: request?.constraints ?? null,
    genres: request?.preferences.genres ?? [],
    focus: request?.focus ?? [],
    qualities: (request?.qualities ?? []).map(
      (quality) => `${quality.polarity} ${quality.id}${quality.word ? ` (${quality.word})` : ''}`,
    ),
    audiences: request?.audiences ?? [],
    preferredYears: request?.preferredYears ?? null,
    quantity: request?.quantity ?? null,
    texts: request?.texts ?? [],
    facts: {
      liked: names(state.facts.liked),
      disliked: names(state.facts.disliked),
      seen: names(state.facts.seen),
      rejected: names(state.facts.rejected),
      named: names(state.facts.named),
    },
  };
}

/** Plays the scenario in one mode and returns the state after every turn. */
async function play(scenario: Scenario, mode: 'offline' | 'llm'): Promise<StateView[]> {
  const model = mode === 'llm' ? new ScriptedModel(script(scenario)) : undefined;
  const recommender = await createRecommender({
    retriever,
    profileStore: new MemoryProfileStore(),
    ...(model ? { model } : {}),
  });
  const session = recommender.session({ userId: 'ana' });
  const labels = new Map<string, string>();
  let lists = 0;
  const views: StateView[] = [];
  for (const turn of scenario.turns) {
    const result: TurnResult = await (
      turn.say === '/more' ? session.more() : session.send(turn.say)
    ).result();
    expect(result.mode).toBe(mode);
    // A model that failed would fall back to the offline reading and prove nothing.
    expect(result.degraded, `${mode}: ${turn.say}`).toEqual([]);
    if (result.recommendations.length > 0) {
      lists += 1;
      result.recommendations.forEach((entry, index) =>
        labels.set(entry.item.id, `list ${lists} #${index + 1}`),
      );
    }
    const { state } = await session.state();
    if (!state) throw new Error(`no dialogue state after "${turn.say}"`);
    views.push(view(state, labels));
  }
  model?.assertComplete();
  return views;
}

describe('the offline reader and LLM understanding leave the same dialogue state', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const offline = await play(scenario, 'offline');
    const llm = await play(scenario, 'llm');
    offline.forEach((state, index) => {
      expect(llm[index], `after "${scenario.turns[index]!.say}"`).toEqual(state);
    });
    expect(offline.at(-1)).toMatchObject(scenario.expected);
  });
});
