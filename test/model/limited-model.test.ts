import { describe, expect, it } from 'vitest';
import { limitModel } from '../../src/model/limited-model.js';
import { ScriptedModel } from '../../src/model/scripted-model.js';
import { ask, collect } from './wire-fixture.js';

const failure = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((caught: unknown) => caught);

const never = () => new Promise<never>(() => undefined);

describe('limitModel over a model without limits of its own', () => {
  it('refuses output over the cap, generated or streamed, and passes what fits', async () => {
    const model = new ScriptedModel([
      { text: 'x'.repeat(2_000) },
      { text: 'y'.repeat(2_000) },
      { text: 'Heat' },
    ]);
    const limited = limitModel(model, { maxOutputChars: 1_000 });
    expect(await failure(limited.generate(ask('a film')))).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    const { error } = await collect(limited, ask('a film'));
    expect(error).toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
    expect((await limited.generate(ask('a film'))).text).toBe('Heat');
  });

  it('ends a call that outlives its deadline or the turn, even when the model ignores the signal', async () => {
    const model = new ScriptedModel([never, never]);
    const started = Date.now();
    expect(await failure(limitModel(model, { deadlineMs: 100 }).generate(ask('a film')))).toMatchObject({
      code: 'MODEL_TIMEOUT',
    });
    const turn = new AbortController();
    setTimeout(() => turn.abort(), 100);
    const { error } = await collect(limitModel(model, { turnDeadline: turn.signal }), ask('a film'));
    expect(error).toMatchObject({ code: 'TURN_DEADLINE_EXCEEDED' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps a cancel a cancel', async () => {
    const model = new ScriptedModel([never]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const limited = limitModel(model, { deadlineMs: 5_000 });
    expect(await failure(limited.generate(ask('a film'), controller.signal))).toMatchObject({
      code: 'ABORTED',
    });
  });
});
