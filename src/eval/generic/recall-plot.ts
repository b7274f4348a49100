import type { Protocol } from './eval-report.js';

/** One curve of the plot: a run's name and its recall@k for k = 1…n. */
export interface RecallCurve {
  name: string;
  recallAtK: number[];
  /** Drawn dashed (a baseline). */
  dashed?: boolean;
}

export interface RecallPlotOptions {
  protocol?: Protocol;
  width?: number;
  height?: number;
}

const protocolNames: Record<Protocol, string> = { standard: 'standard', novelOnly: 'novel-only' };

/**
 * An SVG line chart of recall@k against k, one line per run, with the run names as a legend in
 * the top-left corner. Drawn with Observable Plot on a linkedom document (no browser); both are
 * loaded on first use, so importing the library stays fast.
 */
export async function recallPlotSvg(curves: RecallCurve[], options: RecallPlotOptions = {}): Promise<string> {
  const [Plot, { parseHTML }] = await Promise.all([import('@observablehq/plot'), import('linkedom')]);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const points = curves.flatMap((curve) =>
    curve.recallAtK.map((recall, index) => ({
      run: curve.name,
      k: index + 1,
      recall,
      dashed: curve.dashed ?? false,
    })),
  );
  const top = Math.max(0.05, ...points.map((point) => point.recall));
  const legend = curves.map((curve, index) => ({ run: curve.name, k: 2, recall: top * (1 - 0.08 * index) }));
  const names = curves.map((curve) => curve.name);
  const line = (dashed: boolean) =>
    Plot.line(
      points.filter((point) => point.dashed === dashed),
      {
        x: 'k',
        y: 'recall',
        stroke: 'run',
        z: 'run',
        strokeWidth: 2,
        ...(dashed ? { strokeDasharray: '5,4' } : {}),
      },
    );
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: options.width ?? 720,
    height: options.height ?? 440,
    marginLeft: 50,
    grid: true,
    x: { label: 'k', domain: [1, Math.max(1, ...curves.map((curve) => curve.recallAtK.length))] },
    y: {
      label: `recall@k (${protocolNames[options.protocol ?? 'standard']} protocol)`,
      domain: [0, top * 1.05],
    },
    color: { domain: names },
    marks: [
      Plot.ruleY([0]),
      line(false),
      line(true),
      Plot.dot(legend, { x: 'k', y: 'recall', fill: 'run', r: 4 }),
      Plot.text(legend, { x: 'k', y: 'recall', text: 'run', dx: 8, textAnchor: 'start', fontSize: 12 }),
    ],
  }) as unknown as { setAttribute(name: string, value: string): void; outerHTML: string };
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}
