import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { tempDir } from '../helpers/toy-catalog.js';

const repository = join(import.meta.dirname, '..', '..');

/**
 * Bundles profile-writer.ts into one JavaScript file: started as plain JavaScript it takes ~0.15 s
 * where `node --import tsx` takes ~1 s of CPU, which would make dozens of processes on two cores
 * slow. Returns the bundle's path and a function removing it.
 */
export async function buildWriterBundle(): Promise<{ bundle: string; remove: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const bundle = join(dir, 'profile-writer.mjs');
  const require = createRequire(import.meta.url);
  // Drivers stay where they are installed: better-sqlite3 is native, pg has an optional native part.
  const installed: Record<string, string> = {
    'better-sqlite3': require.resolve('better-sqlite3'),
    pg: join(dirname(require.resolve('pg/package.json')), 'esm', 'index.mjs'),
  };
  await build({
    entryPoints: [join(import.meta.dirname, 'profile-writer.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'installed-drivers',
        setup: (bundler) =>
          bundler.onResolve({ filter: /^(better-sqlite3|pg)$/ }, (args) => ({
            path: installed[args.path]!,
            external: true,
          })),
      },
    ],
  });
  return { bundle, remove: cleanup };
}

/** A child process started by the concurrency tests. */
export interface Child {
  /** Every complete `ack …` line printed so far. */
  acks: string[];
  stderr: () => string;
  running: () => boolean;
  exited: Promise<number | null>;
  kill: () => void;
}

/** Starts `node <args>` in the repository, collecting its `ack` lines and stderr. */
export function startNode(args: string[]): Child {
  const child = spawn(process.execPath, args, {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      running = false;
      resolve(code);
    }),
  );
  return { acks, stderr: () => stderr, running: () => running, exited, kill: () => child.kill('SIGKILL') };
}

/** Resolves once `condition` holds, checking every few milliseconds. */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
