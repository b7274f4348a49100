import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { RecallCurve } from '../../eval/generic/index.js';

/** `convrec eval-plot <reports…>`: recall@k (k = 1…50) of evaluation runs, as one SVG chart. */
export function registerEvalPlotCommand(program: Command): void {
  program
    .command('eval-plot')
    .description('plot recall@k (k = 1…50) of evaluation reports (convrec eval --out) as an SVG chart')
    .argument(
      '<reports...>',
      'JSON reports written by convrec eval --out; each is one line named after the run',
    )
    .option('--out <file>', 'SVG file to write', 'reports/recall-at-k.svg')
    .option('--protocol <protocol>', 'standard or novel-only', 'standard')
    .option('--popularity', "also draw each run's popularity baseline (dashed)")
    .action(async (files: string[], options: { out: string; protocol: string; popularity?: boolean }) => {
      if (options.protocol !== 'standard' && options.protocol !== 'novel-only')
        throw new Error(`--protocol must be standard or novel-only, got "${options.protocol}"`);
      const protocol = options.protocol === 'standard' ? 'standard' : 'novelOnly';
      // Loaded on demand: --help and other commands never load the plotting library.
      const { readReportCurves, recallPlotSvg } = await import('../../eval/generic/index.js');
      const curves: RecallCurve[] = [];
      for (const file of files) {
        const report = await readReportCurves(file);
        curves.push({ name: report.name, recallAtK: report.recallAtK[protocol] });
        if (options.popularity)
          curves.push({
            name: `${report.name} popularity`,
            recallAtK: report.recallAtK.popularity[protocol],
            dashed: true,
          });
      }
      await mkdir(dirname(options.out), { recursive: true });
      await writeFile(options.out, await recallPlotSvg(curves, { protocol }));
      console.log(`plot: ${options.out} (${curves.map((curve) => curve.name).join(', ')})`);
    });
}
