import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBenchmark } from '../../src/eval/understanding/benchmark-file.js';
import { runUnderstandingEval } from '../../src/eval/understanding/run-understanding-eval.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

describe('the offline reader on everyday phrasing', () => {
  // Each line was misread once: lower-case titles, chat shorthand, running times, shown items named by
  // what they are, viewers joining or asleep, nicknames, two-digit years. The label says every field.
  it('reads every line of the regression cases fully right', async () => {
    const lines = await readBenchmark(
      join(__dirname, '..', 'fixtures', 'understanding', 'regressions.jsonl'),
    );
    const report = await runUnderstandingEval({
      lines,
      catalog: demo.retriever.catalog,
      reader: demo.reader,
      titles: demo.retriever.components.titles,
      lexicon: demo.reader.vocabulary.lexicon,
      years: demo.reader.yearAnchors,
    });
    expect(report.failures.map((failure) => `${failure.id}: ${failure.text}`)).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(35);
  });
});
