import type {
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelStreamPart,
} from '../model/language-model.js';
import { ScriptedModel, type ScriptedCall, type ScriptedStep } from '../model/scripted-model.js';

/**
 * The model of a scripted-mode dialogue: each turn gets its own ScriptedModel with that turn's
 * answers, so a turn that calls the model more or less often than scripted is caught at that turn.
 */
export class TurnScriptedModel implements LanguageModel {
  readonly provider = 'scripted';
  readonly modelId = 'scripted';
  private current = new ScriptedModel([]);
  private steps = 0;

  /** Starts a turn (or a session end) answered by `steps`. */
  begin(steps: ScriptedStep[]): void {
    this.current = new ScriptedModel(steps, { modelId: this.modelId });
    this.steps = steps.length;
  }

  /** The requests of the current turn, unscripted ones included. */
  get calls(): ScriptedCall[] {
    return this.current.calls;
  }

  /** How many of the turn's answers were used. */
  get used(): number {
    return this.steps - this.current.remaining;
  }

  get scripted(): number {
    return this.steps;
  }

  generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    return this.current.generate(request, signal);
  }

  stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    return this.current.stream(request, signal);
  }
}
