import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  deferredCommands,
  invokedCommand,
  registerDeferredCommand,
} from '../../src/cli/deferred-commands.js';
import { loadConfig } from '../../src/config/load-config.js';

const config = () => loadConfig({});

describe('deferred commands', () => {
  it('names the invoked command past global options, and through help', () => {
    expect(invokedCommand(['--debug', 'eval', '--split', 'valid'])).toBe('eval');
    expect(invokedCommand(['help', 'simulate'])).toBe('simulate');
    expect(invokedCommand(['--help'])).toBeUndefined();
  });

  it('lists each command in --help with the real command’s description', async () => {
    for (const name of Object.keys(deferredCommands) as (keyof typeof deferredCommands)[]) {
      const real = new Command();
      (await deferredCommands[name].load())(real, config);
      const standIn = new Command();
      await registerDeferredCommand(standIn, name, undefined, config);
      const find = (program: Command) => program.commands.find((command) => command.name() === name);
      expect(find(standIn)?.description()).toBe(find(real)?.description());
    }
  });

  it('registers the real command, with its options, when it is the one invoked', async () => {
    const program = new Command();
    await registerDeferredCommand(program, 'eval', 'eval', config);
    const options = program.commands[0]?.options.map((option) => option.long);
    expect(options).toContain('--split');
  });
});
