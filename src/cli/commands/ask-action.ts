import { text as readStream } from 'node:stream/consumers';
import { userInfo } from 'node:os';
import type { TurnResult } from '../../agent/index.js';
import type { ConvrecConfig } from '../../config/load-config.js';
import { ConvrecError, isConvrecError } from '../../errors/index.js';
import { checkMessageLength } from '../../limits/index.js';
import { maskProfileLocation } from '../../profile/profile-location.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import { usageText } from '../chat/chat-text.js';
import { errorJson, errorLine } from '../error-text.js';
import { displayJson, displayText } from '../../untrusted/index.js';
import { openAgent, type AgentCliOptions } from '../open-agent.js';
import { openFromOptions, type CatalogCliOptions } from '../open-from-options.js';

/** Options of `convrec ask`. */
export interface AskOptions extends CatalogCliOptions, AgentCliOptions {
  json?: boolean;
  session?: string;
  user?: string;
  more?: boolean;
}

/** The request text: the words given, or standard input for "-". */
async function requestText(words: string[]): Promise<string> {
  const text = words.length === 1 && words[0] === '-' ? await readStream(process.stdin) : words.join(' ');
  if (!text.trim())
    throw new ConvrecError('CONFIG_INVALID', 'the request is empty: say what you are looking for');
  return text.trim();
}

/**
 * A plain-text answer, safe to print: the reply, then one numbered line per recommendation with
 * its reason.
 */
export function formatAnswer(result: TurnResult): string {
  const line = (text: string) => displayText(text, { singleLine: true });
  const lines = [displayText(result.reply)];
  result.recommendations.forEach((entry, index) => {
    const genres = entry.item.genres.slice(0, 3).join(', ');
    lines.push(`${index + 1}. ${line(`${titleWithYear(entry.item)}${genres ? ` — ${genres}` : ''}`)}`);
    lines.push(`   ${line(entry.reason)}`);
  });
  return lines.join('\n');
}

/** Usage and timing of a turn, one line (for stderr). */
export function usageLine(result: TurnResult): string {
  return `${usageText(result)} · ${result.timings.totalMs.toFixed(0)} ms`;
}

/** Runs `convrec ask`; with --json, a ConvrecError is printed as JSON on stdout too. */
export async function runAsk(
  words: string[],
  options: AskOptions,
  config: () => ConvrecConfig,
): Promise<void> {
  try {
    await ask(words, options, config);
  } catch (error) {
    // Scripts that parse stdout get the error as JSON too; the exit code says it failed.
    if (!options.json || !isConvrecError(error)) throw error;
    console.log(errorJson(error));
    console.error(errorLine(error));
    process.exitCode = 1;
  }
}

/** Answers one request: opens the catalog and agent, runs one turn, prints it. */
async function ask(words: string[], options: AskOptions, config: () => ConvrecConfig): Promise<void> {
  const text = await requestText(words);
  const settings = config();
  // Refused before the catalog is opened; the error says the length, never repeats the text.
  checkMessageLength(text, settings.limits);
  if (options.session !== undefined && !options.session.trim()) {
    throw new ConvrecError(
      'CONFIG_INVALID',
      '--session needs the id of a saved conversation (printed after every answer); leave it out to start a new one',
    );
  }
  if (options.more && !options.session) {
    throw new ConvrecError('CONFIG_INVALID', '--more needs --session: more of which conversation?');
  }
  const opened = await openFromOptions({ ...options, quiet: options.json === true }, settings);
  const recommender = await openAgent(opened.retriever, settings, options);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    let userId = options.user;
    if (options.session) {
      const stored = await recommender.profileStore.loadSession(options.session);
      if (!stored) {
        throw new ConvrecError(
          'SESSION_NOT_FOUND',
          `no saved conversation with id ${options.session} in ${maskProfileLocation(options.profileDb ?? settings.profileDatabase)}`,
        );
      }
      userId ??= stored.userId;
    }
    userId ??= userInfo().username;
    const session = recommender.session({
      userId,
      ...(options.session ? { sessionId: options.session } : {}),
    });
    const result = await session
      .send(text, { signal: controller.signal, ...(options.more ? { more: true } : {}) })
      .result();
    if (options.json) {
      console.log(displayJson(result));
    } else {
      console.log(formatAnswer(result));
      for (const degradation of result.degraded) console.error(`note: ${displayText(degradation.message)}`);
      console.error(
        `(${usageLine(result)} · session ${result.sessionId}: continue with --session ${result.sessionId})`,
      );
    }
  } catch (error) {
    if (controller.signal.aborted) {
      console.error('convrec: interrupted');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    await recommender.close();
  }
}
