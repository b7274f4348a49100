import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommender } from '../../../src/agent/create-recommender.js';
import { chatHeader } from '../../../src/cli/chat/chat-header.js';
import { ChatApp } from '../../../src/cli/chat/ChatApp.js';
import { ConvrecError } from '../../../src/errors/index.js';
import type { LanguageModel } from '../../../src/model/language-model.js';
import { ScriptedModel, type ScriptedStep } from '../../../src/model/scripted-model.js';
import { MemoryProfileStore } from '../../../src/profile/memory-profile-store.js';
import type { Retriever } from '../../../src/retrieval/index.js';
import { approximateTokenCounter } from '../../../src/usage/token-counter.js';
import { openDemoRetriever } from '../../helpers/demo-retriever.js';
import {
  holdStreams,
  renderChat,
  renderChatAt,
  rerankStep,
  understandStep,
  type ChatScreen,
} from './chat-harness.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
const screens: ChatScreen[] = [];
const models: ScriptedModel[] = [];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

afterEach(() => {
  for (const screen of screens.splice(0)) screen.unmount();
  for (const model of models.splice(0)) model.assertComplete();
});

const offlineMode = 'offline — set OPENAI_API_KEY or OPENAI_BASE_URL to use an LLM';
const statusPattern = /\(offline · understand \d+ ms · tools \d+ ms · rank \d+ ms\)/;

interface ChatOptions {
  model?: LanguageModel;
  store?: MemoryProfileStore;
  debug?: boolean;
  columns?: number;
  offlineSwitch?: boolean;
}

async function openChat(options: ChatOptions = {}) {
  const store = options.store ?? new MemoryProfileStore();
  const recommender: Recommender = await createRecommender({
    retriever,
    profileStore: store,
    ...(options.model ? { model: options.model, tokenCounter: approximateTokenCounter } : {}),
  });
  const tree = (
    <ChatApp
      recommender={recommender}
      userId="ann"
      header={chatHeader({
        catalogPath: '/data/movies.jsonl',
        itemCount: retriever.catalog.items.length,
        mode: options.model ? 'scripted at localhost' : offlineMode,
        userId: 'ann',
      })}
      {...(options.debug ? { debug: true } : {})}
      {...(options.offlineSwitch
        ? { goOffline: () => createRecommender({ retriever, profileStore: store }) }
        : {})}
    />
  );
  const screen = options.columns ? renderChatAt(tree, options.columns) : renderChat(tree);
  screens.push(screen);
  await screen.idle();
  return { screen, store };
}

function scripted(steps: ScriptedStep[]): ScriptedModel {
  const model = new ScriptedModel(steps, { modelId: 'scripted' });
  models.push(model);
  return model;
}

/** The titles of the numbered cards on a piece of screen, in order. */
function cardTitles(screen: string): string[] {
  return [...screen.matchAll(/^ {2}(\d+)\. (.+)$/gm)].map((match) => match[2]!.trim());
}

describe('ink chat', () => {
  it('starts with the catalog, its size, the mode and the user, then a prompt', async () => {
    const { screen } = await openChat();
    const frame = screen.frame();
    expect(frame).toContain(`convrec · ${retriever.catalog.items.length} items from movies.jsonl`);
    expect(frame).toMatch(/catalog +\/data\/movies\.jsonl/);
    expect(frame).toContain(`mode     ${offlineMode}`);
    expect(frame).toMatch(/user +ann/);
    expect(frame.trimEnd()).toMatch(/you ›$/);
  });

  it('shows what is typed, and after Enter the reply, numbered cards and the status line', async () => {
    const { screen } = await openChat();
    await screen.type('something like Heat');
    expect(screen.frame().trimEnd()).toMatch(/you › something like Heat$/);
    await screen.enter();
    const frame = await screen.waitFor((current) => statusPattern.test(current));
    const turn = screen.after('you › something like Heat');
    expect(turn).toMatch(/convrec › Here are 5 picks/);
    const titles = cardTitles(turn);
    expect(titles).toHaveLength(5);
    expect(titles).not.toContain('Heat (1995)');
    for (const title of titles) expect(title).toMatch(/\(\d{4}\)$/);
    // Each card: title, then genres · director, then the reason, indented under the number.
    const first = retriever.catalog.items.find((item) => `${item.title} (${item.year})` === titles[0])!;
    expect(turn).toContain(
      `     ${first.genres.slice(0, 3).join(', ')} · ${String(first.fields['director'])}`,
    );
    expect(turn).toMatch(/ {5}A .+ close to Heat in story and tone\./);
    expect(frame.trimEnd()).toMatch(/you ›$/);
  });

  /** Resolves once the scripted model has been called `count` times. */
  async function called(model: ScriptedModel, count: number): Promise<void> {
    while (model.calls.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** A heist request whose rerank stream is held open after the whole answer: the turn is still running. */
  async function heldHeistTurn() {
    const script = scripted([
      understandStep({ queries: ['professional thieves plan a heist'] }),
      rerankStep('Five tense crime films where professionals plan every move.'),
    ]);
    const model = holdStreams(script);
    const { screen } = await openChat({ model });
    await screen.submit('a tense heist movie');
    await called(script, 2);
    const streaming = await screen.waitFor('thinking…');
    return { model, screen, streaming };
  }

  it('shows the reply only once the picks have validated, with the cards, LLM calls and tokens', async () => {
    const { model, screen, streaming } = await heldHeistTurn();
    expect(streaming).toContain('Ctrl-C cancels this turn');
    // The model's reply has arrived, but is not shown before its picks are checked.
    expect(streaming).not.toContain('Five tense crime films');
    expect(cardTitles(streaming)).toEqual([]);
    expect(streaming).not.toMatch(/LLM call/);
    model.release();
    const frame = await screen.waitFor((current) => current.includes('(2 LLM calls'));
    expect(frame).toContain('convrec › Five tense crime films where professionals plan every move.');
    expect(frame).toMatch(
      /\(2 LLM calls, \d+\+\d+ tokens · understand \d+ ms · tools \d+ ms · rank \d+ ms\)/,
    );
    expect(cardTitles(frame)).toHaveLength(5);
    expect(frame).toContain('Picked by the model as number 1.');
    expect(frame).not.toContain('Ctrl-C cancels this turn');
  });

  it('keeps what is typed while a turn runs and sends it with Enter once the turn has ended', async () => {
    const { model, screen } = await heldHeistTurn();
    screen.write('/like 2');
    screen.write('\r'); // Enter during the turn: nothing is sent, nothing is lost
    const typed = await screen.waitFor((frame) => frame.trimEnd().endsWith('you › /like 2'));
    expect(typed).toContain('Ctrl-C cancels this turn');
    model.release();
    const ended = await screen.waitFor((frame) => frame.includes('(2 LLM calls'));
    expect(ended.trimEnd()).toMatch(/you › \/like 2$/);
    expect(ended).not.toContain('Noted');
    await screen.enter();
    await screen.waitFor((frame) => /Noted: liked .+\(\d{4}\)\./.test(frame));
  });

  it('quits on Ctrl-D at an empty prompt', async () => {
    const { screen } = await openChat();
    await screen.idle();
    screen.write('\u0004');
    await screen.waitFor('Bye.');
  });

  it('lists the commands on /help, one per indented line', async () => {
    const { screen } = await openChat();
    await screen.submit('/help');
    const help = screen.after('you › /help');
    for (const command of ['/more', '/why N', '/like N', '/profile', '/forget', '/reset', '/quit'])
      expect(help).toMatch(new RegExp(`^ {2}${command} `, 'm'));
  });

  it('records /like N for the item shown as N and shows it on /profile', async () => {
    const { screen, store } = await openChat();
    await screen.submit('something like Heat');
    await screen.idle();
    const [first] = cardTitles(screen.after('you › something like Heat'));
    await screen.submit('/like 1');
    await screen.waitFor(`Noted: liked ${first}.`);
    const events = await store.feedback('ann');
    expect(events.filter((event) => event.kind === 'liked')).toHaveLength(2); // Heat, named as liked, and item 1
    await screen.submit('/profile');
    const profile = await screen.waitFor('feedback events');
    expect(screen.after('you › /profile')).toContain(first!);
    expect(profile).toMatch(/\(2 feedback events: 2 liked · summary written by offline\)/);
  });

  it('shows five other titles on /more', async () => {
    const { screen } = await openChat();
    await screen.submit('something like Heat');
    await screen.idle();
    const firstPage = cardTitles(screen.after('you › something like Heat'));
    await screen.submit('/more');
    await screen.waitFor((frame) => statusPattern.test(frame.slice(frame.lastIndexOf('you › /more'))));
    const secondPage = cardTitles(screen.after('you › /more'));
    expect(secondPage).toHaveLength(5);
    for (const title of secondPage) expect(firstPage).not.toContain(title);
  });

  it('explains item N at length on /why N', async () => {
    const { screen } = await openChat();
    await screen.submit('something like Heat');
    await screen.idle();
    const second = cardTitles(screen.after('you › something like Heat'))[1]!;
    const item = retriever.catalog.items.find(
      (candidate) => `${candidate.title} (${candidate.year})` === second,
    )!;
    await screen.submit('/why 2');
    await screen.waitFor((frame) => statusPattern.test(frame.slice(frame.lastIndexOf('you › /why 2'))));
    const answer = screen.after('you › /why 2').replace(/\s+/g, ' ');
    expect(answer).toContain(`convrec › ${second}`);
    expect(answer).toContain(String(item.fields['description']).split(' ').slice(0, 8).join(' '));
    expect(cardTitles(answer)).toEqual([]);
  });

  it('asks before /forget clears the profile, and keeps it on no', async () => {
    const { screen, store } = await openChat();
    await screen.submit('something like Heat');
    await screen.idle();
    await screen.submit('/like 1');
    await screen.submit('/forget');
    await screen.waitFor('Clear everything convrec knows about ann? Type yes to confirm.');
    await screen.waitFor((frame) => /yes\/no ›\s*$/.test(frame));
    await screen.submit('no');
    await screen.waitFor('Kept your profile.');
    expect(await store.feedback('ann')).not.toEqual([]);
    await screen.submit('/forget');
    await screen.submit('yes');
    await screen.waitFor('Your profile and conversations are cleared.');
    expect(await store.feedback('ann')).toEqual([]);
    expect(await store.summary('ann')).toBeUndefined();
  });

  it('answers an unknown command or a bad number with one line and keeps going', async () => {
    const { screen } = await openChat();
    await screen.submit('/why 1');
    await screen.waitFor('Nothing has been recommended yet: ask for something first.');
    await screen.submit('/more');
    await screen.waitFor('Nothing to show more of yet: ask for something first.');
    await screen.submit('/frobnicate');
    await screen.waitFor('Unknown command /frobnicate. /help lists them.');
    await screen.submit('something like Heat');
    await screen.idle();
    await screen.submit('/why 9');
    await screen.waitFor('Choose a number from 1 to 5.');
    await screen.submit('/like 0');
    await screen.waitFor('/like takes an item number (1, 2, …), not "0"');
    await screen.submit('/seen 7');
    await screen.waitFor('! choose a number from 1 to 5 [TOOL_INPUT_INVALID]');
    await screen.submit('/reset');
    await screen.waitFor('New conversation: earlier requests no longer count.');
    await screen.submit('/dislike 1');
    const frame = await screen.waitFor('! nothing has been recommended yet [TOOL_INPUT_INVALID]');
    expect(frame.trimEnd()).toMatch(/you ›$/);
  });

  it('shows a failed turn as one line with its code, the stack only with --debug, and recovers', async () => {
    const store = new MemoryProfileStore();
    const feedback = store.feedback.bind(store);
    store.feedback = () =>
      Promise.reject(new ConvrecError('PROFILE_STORE_FAILED', 'the profile database is locked'));
    const { screen } = await openChat({ store });
    await screen.submit('something like Heat');
    const frame = await screen.waitFor('! the profile database is locked [PROFILE_STORE_FAILED]');
    expect(frame).not.toMatch(/^\s+at /m);
    store.feedback = feedback;
    await screen.submit('something like Alien');
    await screen.waitFor(() => statusPattern.test(screen.after('you › something like Alien')));
    expect(cardTitles(screen.after('you › something like Alien'))).toHaveLength(5);

    const debugStore = new MemoryProfileStore();
    debugStore.feedback = () => Promise.reject(new ConvrecError('PROFILE_STORE_FAILED', 'locked'));
    const { screen: debugScreen } = await openChat({ store: debugStore, debug: true });
    await debugScreen.submit('something like Heat');
    await debugScreen.waitFor('! locked [PROFILE_STORE_FAILED]');
    // The frames wrap at the terminal width (and the path's length depends on the checkout), so
    // look for the error's header and a frame line rather than one whole path on one line.
    const debugFrame = debugScreen.frame();
    expect(debugFrame).toContain('ConvrecError: locked');
    expect(debugFrame).toMatch(/^\s+at \S/m);
  });

  it('says the LLM endpoint was unreachable and that the turn was answered offline', async () => {
    const unreachable = new ConvrecError(
      'MODEL_UNAVAILABLE',
      'model "scripted" at localhost:9: cannot reach the server (connect ECONNREFUSED)',
      { retryable: true },
    );
    const model = scripted([
      { purpose: 'understand', error: unreachable },
      { purpose: 'rerank', error: unreachable },
    ]);
    const { screen } = await openChat({ model, offlineSwitch: true });
    await screen.submit('something like Heat');
    const frame = await screen.waitFor('LLM endpoint unreachable');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'LLM endpoint unreachable (model "scripted" at localhost:9: cannot reach the server (connect ECONNREFUSED)): this turn was answered offline. /offline stays offline.',
    );
    expect(cardTitles(frame)).toHaveLength(5);
    expect(frame.replace(/\s+/g, ' ')).toMatch(
      /\(2 LLM calls \(2 failed\), \d+\+0 tokens · .* · degraded: understand, rerank\)/,
    );
    await screen.idle();
    await screen.submit('/offline');
    await screen.waitFor('Offline for the rest of this session: no more LLM calls.');
    await screen.submit('more like the second one');
    await screen.waitFor((current) => statusPattern.test(current.slice(current.lastIndexOf('second one'))));
    expect(model.calls).toHaveLength(2);
  });

  it('says so on /reset when the model could not write the profile summary, and keeps the offline one', async () => {
    const model = scripted([
      understandStep({
        intent: 'chit-chat',
        reply: 'Noted, Heat it is.',
        mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }],
      }),
      { purpose: 'summarize', error: new ConvrecError('MODEL_TIMEOUT', 'the server took too long') },
    ]);
    const { screen, store } = await openChat({ model });
    await screen.submit('I loved Heat');
    await screen.waitFor('Noted, Heat it is.');
    await screen.idle();
    await screen.submit('/reset');
    const frame = await screen.waitFor('New conversation: earlier requests no longer count.');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'the profile summary was written offline: the server took too long',
    );
    expect((await store.summary('ann'))?.writtenBy).toBe('offline');
  });

  it('cancels a running turn on Ctrl-C, stays usable, and quits on Ctrl-C when idle', async () => {
    const script = scripted([
      understandStep({ queries: ['heist'] }),
      rerankStep('Some heist films that never get shown.'),
      understandStep({ queries: ['funny animated movie'] }),
      rerankStep('Here are some funny animated films.'),
      { purpose: 'summarize', text: 'Enjoys funny animated films.' },
    ]);
    const model = holdStreams(script);
    const { screen, store } = await openChat({ model });
    await screen.submit('a heist movie');
    await called(script, 2);
    await screen.waitFor('thinking…');
    screen.ctrlC();
    expect(await screen.waitFor('(cancelled)')).not.toContain('Some heist films that never get shown.');
    await screen.idle();
    await screen.submit('something funny and animated');
    model.release();
    await screen.waitFor((current) => current.includes('(2 LLM calls'));
    const turn = screen.after('you › something funny and animated');
    expect(turn).toContain('Here are some funny animated films.');
    expect(cardTitles(turn)).toHaveLength(5);
    await screen.idle();
    await screen.submit('/like 1');
    await screen.waitFor('Noted: liked');
    screen.ctrlC();
    await screen.waitFor('Bye.');
    // Quitting ended the session: the model rewrote the profile summary.
    expect((await store.summary('ann'))?.text).toBe('Enjoys funny animated films.');
  });

  it('stays readable at 60 columns: nothing wider, cards wrap under their own indent', async () => {
    const { screen } = await openChat({ columns: 60 });
    await screen.submit('something like Heat');
    const frame = await screen.waitFor((current) => statusPattern.test(current));
    const lines = frame.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(lines.filter((line) => line.length > 50).length).toBeGreaterThan(3);
    const turn = screen.after('you › something like Heat');
    expect(cardTitles(turn)).toHaveLength(5);
    // Card lines sit under the title (5 spaces), never with a stray extra space from wrapping.
    const cardLines = turn.split('\n').filter((line) => /^ {5}\S/.test(line));
    expect(cardLines.length).toBeGreaterThanOrEqual(15);
    expect(turn).not.toMatch(/^ {6}/m);
    expect(frame).toMatch(/^mode {5}offline — set OPENAI_API_KEY or OPENAI_BASE_URL to$/m);
  });
});
