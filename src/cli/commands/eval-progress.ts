import type { BuildProgress } from '../../index-store/index.js';
import { buildProgressReporter, countProgressReporter } from '../progress.js';

/** Progress of an evaluation run: the index build, then counted work (turns, dialogues). */
export type RunProgress =
  { stage: 'index'; build: BuildProgress } | { stage: string; done: number; total: number };

/** The hooks a run takes: progress, rebuild notices, and a signal that Ctrl-C aborts. */
export interface RunHooks {
  onProgress: (progress: RunProgress) => void;
  onRebuild: (reason: string) => void;
  signal: AbortSignal;
}

const duration = (seconds: number) =>
  seconds >= 3600
    ? `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
    : seconds >= 60
      ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
      : `${Math.round(seconds)} s`;

/**
 * Runs `run` with progress on stderr: the index build, then `name done/total` with the time left
 * (a bar with an ETA on a terminal, a line every few seconds otherwise). Ctrl-C aborts the run.
 */
export async function withRunProgress<Result>(
  name: string,
  run: (hooks: RunHooks) => Promise<Result>,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 5_000,
): Promise<Result> {
  const build = buildProgressReporter(stream);
  const bar = stream.isTTY === true ? countProgressReporter(name, stream) : undefined;
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  let started: number | undefined;
  let lastLine = 0;
  const count = (done: number, total: number) => {
    if (bar) return bar.update(done, total);
    const now = performance.now();
    started ??= now;
    if (done !== total && now - lastLine < intervalMs) return;
    lastLine = now;
    const elapsed = (now - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : undefined;
    stream.write(
      `  ${name} ${done}/${total}, ${duration(elapsed)} so far${left === undefined || done === total ? '' : `, about ${duration(left)} left`}\n`,
    );
  };
  try {
    return await run({
      onProgress: (progress) => {
        if (progress.stage === 'index' && 'build' in progress) return build.onProgress(progress.build);
        if ('done' in progress) {
          build.stop();
          count(progress.done, progress.total);
        }
      },
      onRebuild: (reason) => stream.write(`  building the index (${reason})\n`),
      signal: controller.signal,
    });
  } finally {
    build.stop();
    bar?.stop();
    process.off('SIGINT', interrupt);
  }
}
