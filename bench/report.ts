import { arch, cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { mean, percentile } from '../src/eval/metrics.js';

/** One measured figure; `target` and `met` are present when the figure has a goal. */
export interface Figure {
  value: number;
  unit: string;
  target?: number;
  comparison?: '<=' | '>=';
  met?: boolean;
}

/** Rounds to a few decimals so the JSON stays readable. */
export function round(value: number, decimals = 3): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function atMost(value: number, target: number, unit = 'ms'): Figure {
  return { value: round(value), unit, target, comparison: '<=', met: value <= target };
}

export function atLeast(value: number, target: number, unit: string): Figure {
  return { value: round(value, 4), unit, target, comparison: '>=', met: value >= target };
}

export function info(value: number, unit = 'ms'): Figure {
  return { value: round(value), unit };
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

export function summarizeLatencies(latencies: number[]): LatencySummary {
  return {
    count: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    meanMs: round(mean(latencies)),
    maxMs: round(latencies.length ? Math.max(...latencies) : 0),
  };
}

export const now = (): number => performance.now();

/** Times an async or sync function; returns its value and the elapsed milliseconds. */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = now();
  const value = await run();
  return { value, ms: now() - started };
}

const benchStarted = now();

/** A progress line on stderr, prefixed with the seconds since the bench started. */
export function progress(message: string): void {
  console.error(`[bench ${((now() - benchStarted) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}

export function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024), 1);
}

const loadAtStart = loadavg()[0] ?? 0;

export function machineInfo(): Record<string, unknown> {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    totalMemoryMb: megabytes(totalmem()),
    freeMemoryMb: megabytes(freemem()),
    loadAverage1m: { atStart: round(loadAtStart, 2), atEnd: round(loadavg()[0] ?? 0, 2) },
    note: 'other processes on the machine share the CPUs; a load average near or above the CPU count means timings are contended',
  };
}

let gcFunction: (() => void) | undefined | null = null;

/** A full garbage collection when V8 lets us expose one (for "after GC" memory readings). */
export function collectGarbage(): boolean {
  if (gcFunction === null) {
    try {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    } catch {
      gcFunction = undefined;
    }
  }
  if (!gcFunction) return false;
  gcFunction();
  return true;
}
