// Compiles src/ to dist/ when dist/ is missing or older than the sources: used by the `convrec`
// bin (and so `npm start`) before it loads dist/, and by `npm install` (the `prepare` script).
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** The compiled entry point; its time stamp is the build's. */
export const compiledEntry = join(root, 'dist', 'src', 'cli', 'main.js');
const sourceFolders = ['src', 'tools'];
const sourceFiles = ['tsconfig.json', 'tsconfig.build.json'];

/** The latest modification time (ms) of the sources: files and folders, so deletions count too. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const folder of sourceFolders) visit(join(root, folder));
  for (const file of sourceFiles) visit(join(root, file));
  return newest;
}

/** Why dist/ needs building, or undefined when it is up to date (or there are no sources to build). */
export function staleReason() {
  const built = statSync(compiledEntry, { throwIfNoEntry: false });
  if (!built) return 'dist/ is missing';
  // An installed package ships dist/ without its sources: nothing to compare.
  if (!existsSync(join(root, 'src'))) return undefined;
  return newestSource() > built.mtimeMs ? 'the sources changed since the last build' : undefined;
}

const lock = join(root, '.convrec', 'build.lock');

/** Waits (synchronously) while another process builds; a lock older than 5 minutes is abandoned. */
function takeLock() {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/**
 * Builds dist/ when stale, with one line on stderr. Type errors do not stop a start (tsc still
 * emits; `npm run typecheck` lists them); a build that emits nothing exits with status 1.
 */
export function ensureBuild() {
  if (!staleReason()) return;
  // Two starts at once: one builds, the other waits and then finds dist/ up to date.
  takeLock();
  let failed;
  try {
    failed = build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

/** Runs tsc when still stale; true when the start cannot go on. */
function build() {
  const reason = staleReason();
  if (!reason) return;
  const write = (line) => process.stderr.write(`convrec: ${line}\n`);
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    if (existsSync(compiledEntry))
      return void write(`${reason}, but TypeScript is not installed: using dist/ as it is`);
    write(`${reason} and TypeScript is not installed: run npm install, then npm run build`);
    return true;
  }
  write(`${reason}: compiling TypeScript to dist/ (about 20 s, once) …`);
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status === 0) return false;
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  if (staleReason() === undefined) {
    write(`built with ${errors.length} type error(s); npm run typecheck lists them`);
    return false;
  }
  write(
    `the build failed: ${(errors[0] ?? output.trim().split('\n')[0] ?? `tsc exited with ${result.status}`).trim()}`,
  );
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBuild();
