import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { loadEvalDataset, type EvalDataset } from '../../src/eval/generic/index.js';
import {
  createRulesSeeker,
  namesTarget,
  runSimulation,
  seededRandom,
  type SimulatedAgent,
  type SimulatedDialogue,
} from '../../src/eval/simulate/index.js';
import { foldText } from '../../src/text/tokenize.js';
import { TitleResolver, titleBase } from '../../src/titles/index.js';

let directory: string;
let dataset: EvalDataset;
let titles: TitleResolver;

const simulate = (options: { seed: number; agent?: 'offline' | 'retrieval' | (() => SimulatedAgent) }) =>
  runSimulation(dataset, {
    indexDirectory: join(directory, 'index'),
    agent: options.agent ?? 'retrieval',
    seed: options.seed,
  });

const messages = (dialogues: SimulatedDialogue[]) =>
  dialogues.flatMap((dialogue) => dialogue.turns.map((turn) => turn.seeker));

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-simulate-'));
  dataset = await loadEvalDataset({
    catalog: demoCatalogPath(),
    turns: 'test/fixtures/simulate/turns.jsonl',
  });
  titles = new TitleResolver(dataset.catalog);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('simulated seekers', () => {
  it('are deterministic with a seed, and vary with it', async () => {
    const first = await simulate({ seed: 7 });
    const again = await simulate({ seed: 7 });
    expect(again.dialogues).toEqual(first.dialogues);
    const other = await simulate({ seed: 8 });
    expect(messages(other.dialogues)).not.toEqual(messages(first.dialogues));
  }, 60_000);

  it('never name the target, even when the original dialogue did', async () => {
    const runs = await Promise.all([1, 2, 3, 4, 5].map((seed) => simulate({ seed })));
    const offline = await simulate({ seed: 1, agent: 'offline' });
    for (const { dialogues } of [...runs, offline]) {
      for (const dialogue of dialogues) {
        const target = dataset.catalog.byId.get(dialogue.targetId)!;
        const title = foldText(titleBase(target));
        for (const turn of dialogue.turns) {
          expect(foldText(turn.seeker), `${dialogue.id}: ${turn.seeker}`).not.toMatch(
            new RegExp(`\\b${title}\\b`),
          );
          expect(titles.findMentions(turn.seeker).map((mention) => mention.item.id)).not.toContain(target.id);
        }
      }
    }
    // s7's seeker loved Heat (its target) and Collateral: it may name Collateral, never Heat.
    const s7 = runs.flatMap((run) => run.dialogues).filter((dialogue) => dialogue.id === 's7');
    expect(s7.some((dialogue) => dialogue.turns[0]!.seeker.includes('Collateral'))).toBe(true);
  }, 60_000);

  it('opens from the target and the original dialogue, and reacts to a list without it', async () => {
    const catalog = await loadCatalog(demoCatalogPath());
    const target = catalog.byId.get('m0001')!;
    const seeker = createRulesSeeker({
      target,
      context: [{ role: 'user', text: 'I loved The Godfather' }],
      catalog,
      titles,
      random: seededRandom('open'),
    });
    const opening = await seeker.open();
    expect(opening.text).toMatch(/crime|thriller|action|90s|Godfather/);
    const shown = ['m0021', 'm0009', 'm0014'].map((id) => catalog.byId.get(id)!);
    const replies = [];
    for (let index = 0; index < 4; index++) replies.push((await seeker.react({ reply: '', shown })).text);
    // Collateral (1st) shares genres with Heat; the rest narrows by people, plot, genre or era.
    expect(replies.join(' | ')).toMatch(
      /first one|Pacino|De Niro|Kilmer|Mann|older|more|crime|thriller|action|90s|not|seen/i,
    );
    expect(replies.every((reply) => !namesTarget(reply, target, titles))).toBe(true);
  });

  it('counts a success when the target is shown, and stops there', async () => {
    const targetOf = new Map(dataset.turns.map(({ turn }) => [turn.id, turn.target_ids[0]!]));
    const showsAtThirdTurn: SimulatedAgent = {
      name: 'scripted',
      open: (dialogueId) => {
        let turns = 0;
        return {
          send: async () => {
            turns++;
            const shownIds = turns === 3 ? ['m0100', targetOf.get(dialogueId)!] : ['m0100', 'm0101'];
            return { reply: '', shownIds, rankedIds: shownIds, modelCalls: 0, tokens: 0 };
          },
          close: async () => {},
        };
      },
    };
    const { report, dialogues } = await simulate({ seed: 1, agent: () => showsAtThirdTurn });
    expect(report.skippedTurns).toBe(1);
    expect(dialogues.map((dialogue) => [dialogue.successTurn, dialogue.turns.length])).toEqual(
      Array.from({ length: 7 }, () => [3, 3]),
    );
    expect(dialogues[0]!.turns.map((turn) => turn.targetRank)).toEqual([null, null, 2]);
    expect(report.successWithin).toEqual([0, 0, 1, 1, 1]);
    expect(report.meanTurnsToSuccess).toBe(3);
    expect(report.itemsShownPerSuccess).toBe(6);
  });

  it('runs the offline agent through its session API', async () => {
    const { report } = await simulate({ seed: 1, agent: 'offline' });
    expect(report.dialogues).toBe(7);
    expect(report.successWithin[4]).toBeGreaterThan(0.5);
    expect(report.modelCallsPerDialogue).toBe(0);
  }, 60_000);
});

describe('the leak check', () => {
  it('catches the title exactly, loosely typed or misspelt, and not other titles', async () => {
    const catalog = await loadCatalog(demoCatalogPath());
    const heat = catalog.byId.get('m0001')!;
    const partTwo = catalog.byId.get('m0003')!;
    const aliens = catalog.byId.get('m0006')!;
    expect(namesTarget('have you got Heat?', heat, titles)).toBe(true);
    expect(namesTarget('something like the godfather part 2', partTwo, titles)).toBe(true);
    expect(namesTarget('maybe godfathr part ii', partTwo, titles)).toBe(true);
    expect(namesTarget('I liked The Godfather', partTwo, titles)).toBe(false);
    expect(namesTarget('I really liked Alien.', aliens, titles)).toBe(false);
    expect(namesTarget('something with Al Pacino?', heat, titles)).toBe(false);
  });
});
