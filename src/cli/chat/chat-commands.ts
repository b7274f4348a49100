import type { FeedbackKind } from '../../profile/profile-store.js';

/** What one line typed into the chat asks for. */
export type ChatCommand =
  | { kind: 'empty' }
  | { kind: 'message'; text: string }
  | { kind: 'help' }
  | { kind: 'more' }
  | { kind: 'why'; position: number }
  | { kind: 'feedback'; feedback: FeedbackKind; position: number }
  | { kind: 'profile' }
  | { kind: 'forget' }
  | { kind: 'reset' }
  | { kind: 'offline' }
  | { kind: 'quit' }
  | { kind: 'invalid'; message: string };

const feedbackKinds: Record<string, FeedbackKind> = {
  '/like': 'liked',
  '/dislike': 'disliked',
  '/seen': 'seen',
};
const simple = { '/help': 'help', '/more': 'more', '/profile': 'profile', '/forget': 'forget' } as const;

function position(command: string, argument: string | undefined): number | string {
  if (argument === undefined) return `${command} needs the number of an item, e.g. ${command} 2`;
  const value = Number(argument);
  if (!/^\d+$/.test(argument) || value < 1)
    return `${command} takes an item number (1, 2, …), not "${argument}"`;
  return value;
}

/** Reads one line: a slash command with its argument checked, or words for the agent. */
export function parseCommand(line: string): ChatCommand {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'message', text };
  const [name = '', argument, ...rest] = text.split(/\s+/);
  const command = name.toLowerCase();
  if (rest.length > 0) return { kind: 'invalid', message: `${command} takes at most one argument` };
  if (command in simple) return { kind: simple[command as keyof typeof simple] };
  if (command === '/reset' || command === '/new') return { kind: 'reset' };
  if (command === '/offline') return { kind: 'offline' };
  if (command === '/quit' || command === '/exit') return { kind: 'quit' };
  const feedback = feedbackKinds[command];
  if (command === '/why' || feedback) {
    // "/why" alone explains the first item, as the line chat always did.
    const parsed = command === '/why' && argument === undefined ? 1 : position(command, argument);
    if (typeof parsed === 'string') return { kind: 'invalid', message: parsed };
    return feedback ? { kind: 'feedback', feedback, position: parsed } : { kind: 'why', position: parsed };
  }
  return { kind: 'invalid', message: `Unknown command ${command}. /help lists them.` };
}
