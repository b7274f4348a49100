import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index-store/index.js';

const stageNames: Record<BuildProgress['stage'], string> = {
  embedder: 'fitting the offline embedder',
  embedding: 'embedding items',
  graph: 'building the HNSW graph',
  lexical: 'building the lexical index',
  collaborative: 'counting co-occurrences',
  writing: 'writing the index',
};

/** A progress reporter for index builds: a bar on a terminal, plain stage lines otherwise. */
export function buildProgressReporter(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (progress: BuildProgress) => void;
  stop: () => void;
} {
  const interactive = stream.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let stage: string | undefined;
  const finishBar = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onProgress: (progress) => {
      const name = stageNames[progress.stage];
      if (name !== stage) {
        finishBar();
        stage = name;
        if (interactive && progress.total !== undefined) {
          // Room for "  <stage> [] 676/676" on narrow terminals (the bar is cut at the edge otherwise).
          const room = (stream.columns || 80) - name.length - 2 * String(progress.total).length - 8;
          bar = new cliProgress.SingleBar(
            {
              format: `  ${name} [{bar}] {value}/{total}`,
              stream,
              hideCursor: true,
              clearOnComplete: false,
              barsize: Math.max(10, Math.min(40, room)),
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(progress.total, progress.done ?? 0);
        } else {
          stream.write(`  ${name}…\n`);
        }
      } else if (bar && progress.done !== undefined) {
        bar.update(progress.done);
      }
    },
    stop: finishBar,
  };
}

/**
 * A progress reporter for counted work (evaluation turns): a bar with an ETA on a terminal, a
 * plain `name done/total` line at most every `intervalMs` otherwise.
 */
export function countProgressReporter(
  name: string,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 2_000,
): { update: (done: number, total: number) => void; stop: () => void } {
  const interactive = stream.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let lastLine = 0;
  return {
    update: (done, total) => {
      if (!interactive) {
        const now = Date.now();
        if (done !== total && now - lastLine < intervalMs) return;
        lastLine = now;
        stream.write(`  ${name} ${done}/${total}\n`);
        return;
      }
      if (!bar) {
        const room = (stream.columns || 80) - name.length - 2 * String(total).length - 20;
        bar = new cliProgress.SingleBar(
          {
            format: `  ${name} [{bar}] {value}/{total} ETA {eta_formatted}`,
            stream,
            hideCursor: true,
            clearOnComplete: false,
            barsize: Math.max(10, Math.min(40, room)),
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
