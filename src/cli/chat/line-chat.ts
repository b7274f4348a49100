import { createInterface } from 'node:readline/promises';
import type { ChatAction } from './chat-state.js';
import { ChatController, type ChatControllerOptions } from './chat-controller.js';
import { cardText, endpointNote, helpText, statusLine } from './chat-text.js';
import { displayText } from '../../untrusted/index.js';

export interface LineChatOptions extends Omit<ChatControllerOptions, 'dispatch' | 'onExit'> {
  /** The start-up line: catalog, size, mode, user. */
  banner: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * Prints chat actions as plain lines: the reply as it streams, cards, the status line. Everything
 * goes through `write`, which makes it safe to print.
 */
function linePrinter(write: (text: string) => void): (action: ChatAction) => void {
  let streamed = false;
  return (action) => {
    switch (action.type) {
      case 'turn-started':
        streamed = false;
        return;
      case 'text-delta':
        if (!streamed) write('\nconvrec › ');
        streamed = true;
        return write(action.delta);
      case 'turn-ended': {
        const { result } = action;
        write(`${streamed ? '' : `\nconvrec › ${result.reply}`}\n`);
        result.recommendations.forEach((recommendation, index) => {
          const card = cardText(recommendation);
          write(`  ${index + 1}. ${card.title}${card.attributes ? ` — ${card.attributes}` : ''}\n`);
          write(`     ${card.reason}\n`);
        });
        const note = endpointNote(result.degraded);
        if (note) write(`${note}\n`);
        return write(`${statusLine(result)}\n`);
      }
      case 'turn-failed':
        return write(`\n${action.message}\n`);
      case 'turn-cancelled':
        return write('\n(cancelled)\n');
      case 'command-output':
        return write(`${action.text}\n`);
      case 'confirm-forget':
        return write(`${action.question}\n`);
      default:
        return;
    }
  };
}

/**
 * The chat for piped input and dumb terminals: one line in, plain text out, every line handled in
 * order (lines typed while a turn runs are buffered, never dropped). Ctrl-C cancels a turn or quits.
 */
export async function runLineChat(options: LineChatOptions): Promise<void> {
  const { banner, input: inputStream, output, ...controllerOptions } = options;
  // Replies, cards, notices and errors carry catalog, model and user text: none reaches the terminal raw.
  const write = (text: string) => void output.write(displayText(text));
  const input = createInterface({
    input: inputStream,
    output,
    terminal: (inputStream as { isTTY?: boolean }).isTTY === true,
  });
  const controller = new ChatController({
    ...controllerOptions,
    dispatch: linePrinter(write),
    onExit: () => input.close(),
  });
  const interrupt = () => controller.interrupt();
  input.on('SIGINT', interrupt);
  process.on('SIGINT', interrupt);
  write(`${banner}\n${helpText}\n\nyou › `);
  try {
    for await (const line of input) {
      await controller.submit(line);
      if (controller.closed) break;
      write('\nyou › ');
    }
  } finally {
    process.off('SIGINT', interrupt);
    input.close();
    await controller.quit();
  }
}
