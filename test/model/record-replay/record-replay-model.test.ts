import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConvrecError } from '../../../src/errors/index.js';
import type { GenerateRequest, ModelStreamPart } from '../../../src/model/index.js';
import {
  ModelCacheInvalidError,
  ModelCacheMissError,
  RecordReplayModel,
  requestKey,
} from '../../../src/model/record-replay/index.js';
import { ScriptedModel } from '../../../src/testing/index.js';
import { thrownBy } from '../../helpers/errors.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-record-replay-'));
});
afterEach(async () => rm(directory, { recursive: true, force: true }));

const ask = (content: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  purpose: 'answer',
  messages: [
    { role: 'system', content: 'You answer.' },
    { role: 'user', content },
  ],
  ...extra,
});

const usage = { inputTokens: 12, outputTokens: 3 };

async function collect(parts: AsyncIterable<ModelStreamPart>): Promise<ModelStreamPart[]> {
  const all: ModelStreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

const replay = () => RecordReplayModel.create({ directory, mode: 'replay', modelId: 'scripted' });

describe('recording model calls and replaying them', () => {
  it('replays with no model the same answers, streams included, that were recorded', async () => {
    const inner = new ScriptedModel([
      { text: 'Heat is a tense crime film.', usage },
      {
        text: 'Alien is scary. It is set in space.',
        toolCalls: [{ name: 'search', arguments: { q: 'x' } }],
        usage,
      },
    ]);
    const recorder = RecordReplayModel.create({ directory, mode: 'record', model: inner });
    const generated = await recorder.generate(ask('Is Heat good?'));
    const streamed = await collect(recorder.stream(ask('Is Alien good?', { temperature: 0 })));
    inner.assertComplete();
    expect(recorder.stats).toEqual({ replayed: 0, recorded: 2 });

    const replayer = replay();
    expect(await replayer.generate(ask('Is Heat good?'))).toEqual(generated);
    // The same deltas in the same pieces: what the user saw streaming is what they see again.
    expect(await collect(replayer.stream(ask('Is Alien good?', { temperature: 0 })))).toEqual(streamed);
    expect(replayer.stats).toEqual({ replayed: 2, recorded: 0 });
    expect(replayer.failures).toEqual([]);
  });

  it('fails a call the recording does not hold with a typed error naming its key, and keeps it', async () => {
    const request = ask('Is Heat good?');
    const replayer = replay();
    const error = await thrownBy(() => replayer.generate(request));
    expect(error).toBeInstanceOf(ModelCacheMissError);
    expect(error.code).toBe('MODEL_UNSCRIPTED_CALL');
    expect(error.message).toContain(requestKey('scripted', request));
    expect(error.message).toContain('"Is Heat good?"');
    expect((error as ModelCacheMissError).key).toBe(requestKey('scripted', request));
    // The agent turns model errors into degraded turns: the run asks afterwards.
    expect(replayer.failures).toHaveLength(1);
    expect(() => replayer.throwIfFailed()).toThrow(ModelCacheMissError);
  });

  it('resumes a recording cut short: recorded calls are answered from the cache, not made again', async () => {
    const first = new ScriptedModel([
      { text: 'one', usage },
      { text: 'two', usage },
      { error: new ConvrecError('MODEL_UNAVAILABLE', 'the endpoint went away') },
    ]);
    const crashed = RecordReplayModel.create({ directory, mode: 'record', model: first });
    await crashed.generate(ask('1'));
    await crashed.generate(ask('2'));
    await expect(crashed.generate(ask('3'))).rejects.toThrow(/went away/);

    // Only the third call is scripted: calling the model for the first two would fail.
    const second = new ScriptedModel([{ text: 'three', usage }]);
    const resumed = RecordReplayModel.create({ directory, mode: 'record', model: second });
    const answers = [];
    for (const question of ['1', '2', '3']) answers.push((await resumed.generate(ask(question))).text);
    expect(answers).toEqual(['one', 'two', 'three']);
    second.assertComplete();
    expect(resumed.stats).toEqual({ replayed: 2, recorded: 1 });
  });

  it('keys on the model, the messages and the parameters, not on key order', () => {
    const request = ask('hi', { temperature: 0, maxOutputTokens: 50 });
    const reordered = { maxOutputTokens: 50, temperature: 0, messages: request.messages, purpose: 'answer' };
    expect(requestKey('m', reordered)).toBe(requestKey('m', request));
    expect(requestKey('other', request)).not.toBe(requestKey('m', request));
    expect(requestKey('m', { ...request, temperature: 0.7 })).not.toBe(requestKey('m', request));
    expect(requestKey('m', ask('hi!', { temperature: 0, maxOutputTokens: 50 }))).not.toBe(
      requestKey('m', request),
    );
  });

  it('writes one file per call and leaves no temporary file behind', async () => {
    const recorder = RecordReplayModel.create({
      directory,
      mode: 'record',
      model: new ScriptedModel([{ text: 'a' }, { text: 'b' }], { modelId: 'scripted' }),
    });
    await Promise.all([recorder.generate(ask('a')), recorder.generate(ask('b'))]);
    const files = (await readdir(directory)).sort();
    expect(files).toEqual(
      [`${requestKey('scripted', ask('a'))}.json`, `${requestKey('scripted', ask('b'))}.json`].sort(),
    );
  });

  it('shares the cache with its limited views (the agent limits every call)', async () => {
    const recorder = RecordReplayModel.create({
      directory,
      mode: 'record',
      model: new ScriptedModel([{ text: 'a' }]),
    });
    const limited = recorder.withLimits({ deadlineMs: 5_000 });
    expect((await limited.generate(ask('a'))).text).toBe('a');
    expect(recorder.stats.recorded).toBe(1);
    expect((await replay().generate(ask('a'))).text).toBe('a');
  });

  it('refuses a cache file that is not an entry, or too big, naming the file', async () => {
    const request = ask('a');
    const file = join(directory, `${requestKey('scripted', request)}.json`);
    await writeFile(file, '{"format":"convrec-model-cache-1","key":"nope"}');
    const invalid = await thrownBy(() => replay().generate(request));
    expect(invalid).toBeInstanceOf(ModelCacheInvalidError);
    expect(invalid.message).toContain(file);
    expect(invalid.message).toMatch(/field "key"/);

    await writeFile(file, 'x'.repeat(2_000));
    const small = RecordReplayModel.create({
      directory,
      mode: 'replay',
      modelId: 'scripted',
      maxFileBytes: 1_000,
    });
    const tooBig = await thrownBy(() => small.generate(request));
    expect(tooBig.message).toMatch(/2000 bytes, more than the 1000 allowed/);
  });
});
