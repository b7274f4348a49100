import type { Command } from 'commander';
import type { ConvrecConfig } from '../config/load-config.js';

type Register = (program: Command, config: () => ConvrecConfig) => void;

interface DeferredCommand {
  description: string;
  load: () => Promise<Register>;
}

/**
 * Commands whose modules import their dependencies at load time: the real command is registered
 * only when it is the one invoked; otherwise a stand-in lists it in `--help`. A test keeps each
 * description equal to the real command's.
 */
export const deferredCommands = {
  eval: {
    description:
      'evaluate retrieval or the whole agent turn (offline, or with --model) on ReDial or your own data (Recall@1/10/50, NDCG@10, MRR, popularity baseline, faithful explanations)',
    load: async () => (await import('./commands/eval-command.js')).registerEvalCommand,
  },
  simulate: {
    description:
      'interactive evaluation: a simulated user with a hidden target (from evaluation turns) talks to the agent; success within n turns, recall@10 per turn',
    load: async () => (await import('./commands/simulate-command.js')).registerSimulateCommand,
  },
} satisfies Record<string, DeferredCommand>;

export type DeferredCommandName = keyof typeof deferredCommands;

/** The subcommand the arguments name (`help <command>` names it too); undefined for none. */
export function invokedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Registers the real command when `invoked` names it, else a stand-in with its description. */
export async function registerDeferredCommand(
  program: Command,
  name: DeferredCommandName,
  invoked: string | undefined,
  config: () => ConvrecConfig,
): Promise<void> {
  const deferred = deferredCommands[name];
  if (invoked === name) {
    (await deferred.load())(program, config);
    return;
  }
  program
    .command(name)
    .description(deferred.description)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      throw new Error(`convrec ${name} could not be loaded`);
    });
}
