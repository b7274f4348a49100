import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { GenerateRequest, LanguageModel, ModelStreamPart } from '../../../src/model/language-model.js';
import { ConvrecError } from '../../../src/errors/index.js';
import type { ScriptedModel, ScriptedResponse } from '../../../src/model/scripted-model.js';
import { emptyUnderstanding, type Understanding } from '../../../src/understanding/understanding-schema.js';

/** The parts of a rendered ink app the tests use (ink-testing-library's, or a narrow terminal's). */
interface Rendered {
  frames: string[];
  stdin: { write: (data: string) => void };
  unmount: () => void;
}

/** A rendered chat driven like a user would: type, press Enter, Ctrl-C, read the screen. */
export class ChatScreen {
  constructor(private readonly app: Rendered) {}

  /**
   * The whole screen so far, without colours. (Under CI=true ink writes an empty frame when it
   * unmounts: the screen is the last frame with something on it.)
   */
  frame(): string {
    const frame = this.app.frames.findLast((candidate) => candidate.trim() !== '');
    return stripVTControlCharacters(frame ?? '');
  }

  /** The screen after the last time `marker` appeared (e.g. after the last "you › /more"). */
  after(marker: string): string {
    const frame = this.frame();
    const at = frame.lastIndexOf(marker);
    return at === -1 ? '' : frame.slice(at + marker.length);
  }

  /** Polls until `check` holds (a string: until the screen contains it); fails with the screen. */
  async waitFor(check: string | ((frame: string) => boolean), timeoutMs = 5_000): Promise<string> {
    const test = typeof check === 'string' ? (frame: string) => frame.includes(check) : check;
    const started = Date.now();
    for (;;) {
      const frame = this.frame();
      if (test(frame)) return frame;
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `timed out waiting for ${typeof check === 'string' ? `"${check}"` : 'the screen'}:\n${frame}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Types into the prompt and waits until the prompt shows it. */
  async type(text: string): Promise<void> {
    await this.waitFor((frame) => /(you|yes\/no) ›\s*$/.test(frame));
    this.app.stdin.write(text);
    await this.waitFor((frame) => frame.trimEnd().endsWith(text));
  }

  /** Presses Enter and waits until the screen has taken it. */
  async enter(): Promise<void> {
    const before = this.frame();
    this.app.stdin.write('\r');
    await this.waitFor((frame) => frame !== before);
  }

  /** Types a line and presses Enter. */
  async submit(text: string): Promise<void> {
    await this.type(text);
    await this.enter();
  }

  /** Waits until the turn or command has finished and the prompt is back (it stays up during a turn). */
  idle(): Promise<string> {
    return this.waitFor((frame) => /you ›\s*$/.test(frame) && !frame.includes('Ctrl-C cancels this turn'));
  }

  /** Raw keys, without waiting for the prompt. */
  write(data: string): void {
    this.app.stdin.write(data);
  }

  ctrlC(): void {
    this.app.stdin.write('\u0003');
  }

  unmount(): void {
    this.app.unmount();
  }
}

/** Renders with ink-testing-library (100 columns). */
export function renderChat(tree: ReactElement): ChatScreen {
  return new ChatScreen(render(tree));
}

/** Renders on a fake terminal `columns` wide (ink-testing-library's is fixed at 100). */
export function renderChatAt(tree: ReactElement, columns: number): ChatScreen {
  const frames: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows: 200,
    write: (frame: string) => frames.push(frame) > 0,
  });
  const stderr = Object.assign(new EventEmitter(), { write: () => true });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    data: null as string | null,
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    read() {
      const data = stdin.data;
      stdin.data = null;
      return data;
    },
    write(data: string) {
      stdin.data = data;
      stdin.emit('readable');
      stdin.emit('data', data);
    },
  });
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return new ChatScreen({ frames, stdin, unmount: () => instance.unmount() });
}

/** An understand step as the model would answer it. */
export function understandStep(input: Partial<Understanding> = {}): ScriptedResponse {
  return {
    purpose: 'understand',
    text: JSON.stringify({ ...emptyUnderstanding(input.intent ?? 'recommend'), ...input }),
  };
}

/** A rerank step that picks the first `count` candidate cards of the prompt, with a reply and reasons. */
export function rerankStep(reply: string, count = 5) {
  return (request: GenerateRequest): ScriptedResponse => {
    const prompt = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
    const cards = (/<cards>\n([\s\S]*?)\n<\/cards>/.exec(prompt)?.[1] ?? '').split('\n');
    const handles = cards.slice(0, count).map((line) => line.split(' | ')[0]!);
    const picks = handles.map(
      (handle, index) => `${index + 1}. ${handle} | Picked by the model as number ${index + 1}.`,
    );
    return { text: [`REPLY: ${reply}`, ...picks].join('\n'), usage: { inputTokens: 1200, outputTokens: 90 } };
  };
}

/**
 * A scripted model whose streamed answers stop before their end until `release()` (or until the
 * call is cancelled), so a test can look at a turn while its reply is still streaming.
 */
export function holdStreams(model: ScriptedModel): LanguageModel & { release(): void } {
  let open = () => {};
  let held = new Promise<void>((resolve) => (open = resolve));
  return {
    provider: model.provider,
    modelId: model.modelId,
    generate: (request, signal) => model.generate(request, signal),
    async *stream(request, signal): AsyncIterable<ModelStreamPart> {
      for await (const part of model.stream(request, signal)) {
        if (part.type === 'finish') {
          await Promise.race([
            held,
            new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true })),
          ]);
          if (signal?.aborted) throw new ConvrecError('ABORTED', 'the call was cancelled');
        }
        yield part;
      }
    },
    release() {
      open();
      held = new Promise<void>((resolve) => (open = resolve));
    },
  };
}
