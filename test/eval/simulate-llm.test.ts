import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { ConvrecError } from '../../src/errors/index.js';
import { createLlmSeeker, seededRandom } from '../../src/eval/simulate/index.js';
import { loadPrompt, promptsDirectory } from '../../src/prompts/load-prompt.js';
import { ScriptedModel } from '../../src/testing/index.js';
import { TitleResolver } from '../../src/titles/index.js';

const usage = { inputTokens: 100, outputTokens: 10 };

async function setup(model: ScriptedModel) {
  const catalog = await loadCatalog(demoCatalogPath());
  const prompt = await loadPrompt(join(promptsDirectory(), 'simulated-seeker.md'));
  const target = catalog.byId.get('m0001')!;
  const seeker = createLlmSeeker(
    {
      target,
      context: [{ role: 'user', text: 'I loved The Godfather' }],
      catalog,
      titles: new TitleResolver(catalog),
      random: seededRandom('llm'),
    },
    { model, prompt },
  );
  return { seeker, catalog };
}

describe('the LLM seeker', () => {
  it('gives the model the target and the dialogue, and counts calls and tokens', async () => {
    const model = new ScriptedModel([
      { purpose: 'simulate-seeker', text: 'a tense LA crime movie from the 90s?', usage },
      { purpose: 'simulate-seeker', text: 'not those, something with Al Pacino', usage },
    ]);
    const { seeker, catalog } = await setup(model);
    const opening = await seeker.open();
    expect(opening).toEqual({
      text: 'a tense LA crime movie from the 90s?',
      usage: { calls: 1, inputTokens: 100, outputTokens: 10, regenerated: 0 },
    });
    expect(model.calls[0]!.messages[1]!.content).toContain('title: Heat');
    expect(model.calls[0]!.messages[1]!.content).toContain('I loved The Godfather');
    const reply = await seeker.react({ reply: 'Try these.', shown: [catalog.byId.get('m0021')!] });
    expect(reply.text).toBe('not those, something with Al Pacino');
    expect(model.calls[1]!.messages[1]!.content).toContain('1. Collateral');
    model.assertComplete();
  });

  it('regenerates a message that names the target, then falls back to the rules seeker', async () => {
    const model = new ScriptedModel([
      { text: 'I want Heat with Pacino', usage },
      { text: 'something like the movie heat (1995)', usage },
      { text: 'a Michael Mann crime film from 1995', usage },
      { text: 'Heat!', usage },
      { text: 'just show me heat', usage },
      { text: 'HEAT', usage },
    ]);
    const { seeker, catalog } = await setup(model);
    const first = await seeker.open();
    expect(first.text).toBe('a Michael Mann crime film from 1995');
    expect(first.usage).toMatchObject({ calls: 3, regenerated: 2, inputTokens: 300 });
    expect(model.calls[1]!.messages[1]!.content).toContain('without the title');
    const second = await seeker.react({ reply: '', shown: [catalog.byId.get('m0009')!] });
    expect(second.text.toLowerCase()).not.toContain('heat');
    expect(second.text.length).toBeGreaterThan(0);
    expect(second.usage).toMatchObject({ calls: 3, regenerated: 3 });
    model.assertComplete();
  });

  it('speaks with the rules seeker when the model fails, and stops when aborted', async () => {
    const failing = new ScriptedModel([{ error: new ConvrecError('MODEL_RATE_LIMIT', 'slow down') }]);
    const { seeker } = await setup(failing);
    const message = await seeker.open();
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.usage).toMatchObject({ calls: 1 });
    const controller = new AbortController();
    controller.abort();
    const { seeker: aborted } = await setup(new ScriptedModel([{ text: 'hi' }]));
    await expect(aborted.open(controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
