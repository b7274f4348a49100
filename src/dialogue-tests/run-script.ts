import { createRecommender } from '../agent/create-recommender.js';
import { isConvrecError } from '../errors/index.js';
import { MemoryProfileStore } from '../profile/memory-profile-store.js';
import type { Retriever } from '../retrieval/index.js';
import { approximateTokenCounter } from '../usage/token-counter.js';
import { checkPrompts } from './check-prompts.js';
import { checkRecommendations } from './check-recommendations.js';
import { checkTurn } from './check-turn.js';
import type { Expectations } from './expectations-schema.js';
import { catalogNames, checkScriptNames } from './item-references.js';
import type { LoadedScript } from './load-script.js';
import { responsePurpose, toScriptedStep } from './model-responses.js';
import { playTurn } from './play-turn.js';
import type { CheckResult, ExpectationOutcome, ScriptReport } from './report-types.js';
import type { DialogueTurn } from './script-schema.js';
import { TurnScriptedModel } from './turn-scripted-model.js';
import type { TurnObservation } from './turn-observation.js';

export interface RunScriptOptions {
  signal?: AbortSignal;
}

/**
 * Plays a script against a retriever: a fresh recommender and in-memory profile store per script,
 * its sessions in order (each ended before the next begins), every expectation checked after its turn.
 */
export async function runDialogueScript(
  script: LoadedScript,
  retriever: Retriever,
  options: RunScriptOptions = {},
): Promise<ScriptReport> {
  const started = performance.now();
  const names = catalogNames(retriever.catalog);
  checkScriptNames(script, names);
  const store = new MemoryProfileStore();
  const model = script.mode === 'scripted' ? new TurnScriptedModel() : undefined;
  const recommender = await createRecommender({
    retriever,
    ...(model ? { model } : {}),
    profileStore: store,
    tokenCounter: approximateTokenCounter,
    ...(script.k !== undefined ? { k: script.k } : {}),
  });
  const outcomes: ExpectationOutcome[] = [];
  const many = script.sessions.length > 1;
  try {
    for (const [sessionIndex, plan] of script.sessions.entries()) {
      const session = recommender.session({ userId: plan.user });
      for (const [turnIndex, turn] of plan.turns.entries()) {
        const where = many ? `session ${sessionIndex + 1} turn ${turnIndex + 1}` : `turn ${turnIndex + 1}`;
        model?.begin((turn.model ?? []).map(toScriptedStep));
        const observation = await playTurn(turn.say, {
          session,
          store,
          catalog: retriever.catalog,
          names,
          ...(model ? { model } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        if (options.signal?.aborted) throw options.signal.reason;
        const place = { where, said: turn.say };
        for (const { passed, ...check } of turnChecks(turn, observation, model))
          outcomes.push({ ...place, ...check, status: passed ? 'passed' : 'failed' });
        for (const check of knownIssueChecks(turn, observation)) outcomes.push({ ...place, ...check });
      }
      model?.begin(plan.summary !== undefined ? [{ purpose: 'summarize', text: plan.summary }] : []);
      await session.end(options.signal);
      if (model && plan.summary !== undefined && model.used === 0)
        outcomes.push({
          where: `session ${sessionIndex + 1} end`,
          said: '',
          expectation: 'summary written by the model',
          status: 'failed',
          actual: 'the session ended without a summarize call (no feedback to summarize?)',
        });
    }
  } finally {
    await recommender.close();
  }
  return { file: script.file, name: script.name, outcomes, ms: performance.now() - started };
}

/** The turn's own checks: the error it should (not) raise, the scripted answers used, then `expect`. */
function turnChecks(
  turn: DialogueTurn,
  observation: TurnObservation,
  model?: TurnScriptedModel,
): CheckResult[] {
  const checks: CheckResult[] = [];
  const expect = turn.expect ?? {};
  const code = isConvrecError(observation.error) ? observation.error.code : undefined;
  if (expect.error !== undefined) {
    checks.push(
      code === expect.error
        ? { expectation: `error ${expect.error}`, passed: true }
        : { expectation: `error ${expect.error}`, passed: false, actual: errorText(observation.error) },
    );
  } else if (observation.error !== undefined) {
    checks.push({ expectation: 'no error', passed: false, actual: errorText(observation.error) });
  }
  if (model && (model.scripted > 0 || model.calls.length > 0)) {
    const scripted = (turn.model ?? []).map(responsePurpose);
    const calls = observation.calls.map((call) => call.purpose);
    const passed = model.used === model.scripted && calls.length === model.scripted;
    const expectation = `scripted answers [${scripted.join(', ')}] used`;
    checks.push(
      passed
        ? { expectation, passed }
        : {
            expectation,
            passed,
            actual: `model calls were [${calls.join(', ')}], ${model.used} of ${model.scripted} answers used`,
          },
    );
  }
  return [...checks, ...checkExpectations(expect, observation)];
}

/** Every expectation of a block, in the order the script wrote them. */
function checkExpectations(expect: Expectations, observation: TurnObservation): CheckResult[] {
  const order = Object.keys(expect);
  const rank = (check: CheckResult) => order.indexOf(check.expectation.split(' ')[0]!);
  return [
    ...checkRecommendations(expect, observation),
    ...checkTurn(expect, observation),
    ...checkPrompts(expect, observation),
  ].sort((left, right) => rank(left) - rank(right));
}

/** Known issues must still fail; one that passes is reported so it moves to `expect`. */
function knownIssueChecks(
  turn: DialogueTurn,
  observation: TurnObservation,
): Omit<ExpectationOutcome, 'where' | 'said'>[] {
  const issue = turn.known_issue;
  if (!issue) return [];
  return checkExpectations(issue.expect, observation).map(({ passed, ...check }) =>
    passed
      ? {
          expectation: check.expectation,
          status: 'failed',
          actual: 'this known issue now passes',
          note: `move it from known_issue to expect (was: ${issue.reason})`,
        }
      : { ...check, status: 'known-issue', note: issue.reason },
  );
}

function errorText(error: unknown): string {
  if (error === undefined) return 'no error';
  if (isConvrecError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
