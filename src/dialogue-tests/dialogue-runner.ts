import { basename, extname, resolve } from 'node:path';
import { isConvrecError } from '../errors/index.js';
import { CatalogCache, type CatalogCacheOptions } from './catalog-cache.js';
import { loadDialogueScript } from './load-script.js';
import type { DialogueReport, ScriptReport } from './report-types.js';
import { runDialogueScript } from './run-script.js';

export interface DialogueRunnerOptions extends CatalogCacheOptions {
  /** A catalog for every script, instead of the one each names. */
  catalog?: string;
}

/** Runs dialogue scripts, opening each catalog (and building its index) once for the whole run. */
export interface DialogueRunner {
  /** Loads and plays one script; a bad script or catalog is reported in `error`, not thrown. */
  runFile(file: string): Promise<ScriptReport>;
  /** Runs scripts in order; with `bail`, stops after the first that fails. */
  runFiles(files: string[], options?: { bail?: boolean }): Promise<DialogueReport>;
  /** Removes the temporary index folder. */
  dispose(): Promise<void>;
}

/** A runner for dialogue scripts (see `examples/dialogues/` for the format). */
export function createDialogueRunner(options: DialogueRunnerOptions = {}): DialogueRunner {
  const cache = new CatalogCache(options);
  const runFile = async (file: string): Promise<ScriptReport> => {
    const started = performance.now();
    try {
      const script = await loadDialogueScript(file);
      const catalog = options.catalog ? resolve(options.catalog) : script.catalog;
      const retriever = await cache.retriever(catalog);
      return await runDialogueScript(script, retriever, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (!isConvrecError(error) || error.code === 'ABORTED') throw error;
      return {
        file,
        name: basename(file, extname(file)),
        outcomes: [],
        error: error.message,
        ms: performance.now() - started,
      };
    }
  };
  return {
    runFile,
    async runFiles(files, runOptions = {}) {
      const scripts: ScriptReport[] = [];
      for (const file of files) {
        const report = await runFile(file);
        scripts.push(report);
        if (runOptions.bail && !scriptPassed(report)) break;
      }
      return summarize(scripts);
    },
    dispose: () => cache.dispose(),
  };
}

/** True when the script ran and none of its expectations failed. */
export function scriptPassed(report: ScriptReport): boolean {
  return report.error === undefined && report.outcomes.every((outcome) => outcome.status !== 'failed');
}

/** Totals over script reports. */
export function summarize(scripts: ScriptReport[]): DialogueReport {
  const outcomes = scripts.flatMap((script) => script.outcomes);
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
  const errors = scripts.filter((script) => script.error !== undefined).length;
  const failed = count('failed');
  return {
    scripts,
    expectations: outcomes.length,
    passed: count('passed'),
    failed,
    knownIssues: count('known-issue'),
    errors,
    ok: failed === 0 && errors === 0,
  };
}
