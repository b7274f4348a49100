import { createInterface } from 'node:readline/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Session } from '../../agent/session.js';
import type { TurnResult } from '../../agent/turn-events.js';
import type { ConvrecConfig } from '../../config/load-config.js';
import { isConvrecError } from '../../errors/index.js';
import type { FeedbackKind } from '../../profile/profile-store.js';
import { titleWithYear } from '../../ranking/candidate-cards.js';
import { describeMode, openAgent, type AgentCliOptions } from '../open-agent.js';
import { openFromOptions, type CatalogCliOptions } from '../open-from-options.js';

const help = `Say what you feel like watching: "something like Heat but less violent", "a funny
animated movie after 2000", "more like the second one", "why the first?".
  /more        more results          /like N /dislike N /seen N   feedback on item N
  /why N       about item N          /profile   what convrec knows about you
  /forget      clear your profile    /reset     new conversation
  /help        this text             /quit      leave (or Ctrl-D)`;

function statusLine(result: TurnResult): string {
  const { usage, timings } = result;
  const llm =
    result.mode === 'offline'
      ? 'offline'
      : `${usage.llmCalls} LLM call${usage.llmCalls === 1 ? '' : 's'}, ${usage.inputTokens}+${usage.outputTokens} tokens`;
  const degraded =
    result.degraded.length > 0 ? ` · degraded: ${result.degraded.map((d) => d.stage).join(', ')}` : '';
  return `(${llm} · understand ${timings.understandMs.toFixed(0)} ms · tools ${timings.toolsMs.toFixed(0)} ms · rank ${timings.rerankMs.toFixed(0)} ms${degraded})`;
}

async function printTurn(session: Session, text: string, options: { more?: boolean } = {}): Promise<void> {
  let streamed = false;
  const turn = session.send(text, options);
  for await (const event of turn) {
    if (event.type === 'text-delta') {
      if (!streamed) process.stdout.write('\nconvrec › ');
      streamed = true;
      process.stdout.write(event.delta);
    }
  }
  const result = await turn.result();
  if (!streamed) process.stdout.write(`\nconvrec › ${result.reply}`);
  process.stdout.write('\n');
  result.recommendations.forEach((entry, index) => {
    const genres = entry.item.genres.slice(0, 3).join(', ');
    console.log(`  ${index + 1}. ${titleWithYear(entry.item)}${genres ? ` — ${genres}` : ''}`);
    console.log(`     ${entry.reason}`);
  });
  console.log(statusLine(result));
}

/** `convrec` / `convrec start`: a line-by-line chat with the agent (the ink chat builds on the same API). */
export function registerStartCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('start', { isDefault: true })
    .description('chat for recommendations over the bundled demo catalog (or --catalog)')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--index-dir <dir>', 'index directory (built when missing or stale)')
    .option('--log <file>', 'interaction log for collaborative signals')
    .option('--user <name>', 'whose profile to use (default: your OS user name)')
    .option('--model <id>', 'chat model (default: CONVREC_MODEL)')
    .option('--offline', 'do not use an LLM even when one is configured')
    .option('--reranking <strategy>', 'one-pass or sliding-window', 'one-pass')
    .option(
      '--profile-db <file>',
      'SQLite file for profiles (default: CONVREC_PROFILE_DB or ~/.local/share/convrec)',
    )
    .option('-k, --k <n>', 'recommendations per turn', '5')
    .action(async (options: CatalogCliOptions & AgentCliOptions & { user?: string }) => {
      const settings = config();
      const opened = await openFromOptions(options, settings);
      const recommender = await openAgent(opened.retriever, settings, options);
      const userId = options.user ?? userInfo().username;
      console.log(
        `convrec — ${opened.catalog.items.length} items from ${opened.catalogPath} · ${describeMode(recommender, settings)} · user ${userId}`,
      );
      console.log(help);
      let session = recommender.session({ userId });
      const input = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY === true,
      });
      const prompt = () => process.stdout.write('\nyou › ');
      let confirmForget = false;
      prompt();
      try {
        // The async iterator buffers lines, so piped input is never dropped while a turn runs.
        for await (const raw of input) {
          const line = raw.trim();
          try {
            const [command, argument] = line.split(/\s+/, 2);
            if (confirmForget) {
              confirmForget = false;
              if (/^y(es)?$/i.test(line)) {
                await recommender.forget(userId);
                session = recommender.session({ userId });
                console.log('Your profile and conversations are cleared.');
              } else console.log('Kept your profile.');
            } else if (!line) {
              // nothing
            } else if (command === '/quit' || command === '/exit') {
              break;
            } else if (command === '/help') {
              console.log(help);
            } else if (command === '/reset') {
              await session.end();
              session = recommender.session({ userId });
              console.log('New conversation.');
            } else if (command === '/more') {
              await printTurn(session, 'more like these', { more: true });
            } else if (command === '/why') {
              await printTurn(session, `tell me about number ${argument ?? '1'}`);
            } else if (command === '/like' || command === '/dislike' || command === '/seen') {
              const kind = ({ '/like': 'liked', '/dislike': 'disliked', '/seen': 'seen' } as const)[command];
              const position = Number(argument);
              const id = await session.feedback(position, kind satisfies FeedbackKind);
              const item = opened.catalog.byId.get(id);
              console.log(`Noted: ${kind} ${item ? titleWithYear(item) : id}.`);
            } else if (command === '/profile') {
              const summary = await recommender.profileStore.summary(userId);
              const events = await recommender.profileStore.feedback(userId);
              console.log(summary ? summary.text : 'No profile yet: tell me what you like.');
              console.log(`(${events.length} feedback events, written by ${summary?.writtenBy ?? '—'})`);
            } else if (command === '/forget') {
              confirmForget = true;
              console.log(`Clear everything convrec knows about ${userId}? Type yes to confirm.`);
            } else if (command?.startsWith('/')) {
              console.log(`Unknown command ${command}. /help lists them.`);
            } else {
              await printTurn(session, line);
            }
          } catch (error) {
            if (!isConvrecError(error)) throw error;
            console.log(`! ${error.message}`);
          }
          prompt();
        }
      } finally {
        input.close();
        await session.end().catch(() => undefined);
        await recommender.close();
      }
    });
}
