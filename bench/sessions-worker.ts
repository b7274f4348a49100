/**
 * One process of the multi-process sessions bench: argv[2] is a SessionsJob as JSON. It opens the
 * agent and warms it up, prints `ready`, waits for a `go` line on stdin (so every process starts its turns at once),
 * runs the sessions and prints the outcome as one JSON line.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { openBenchAgent, runSessions, warmUp } from './sessions-run.js';

const jobSchema = z.object({
  catalog: z.string(),
  indexDirectory: z.string(),
  database: z.string(),
  schema: z.string().optional(),
  sessions: z.number().int().positive(),
  turns: z.number().int().positive(),
  tag: z.string(),
  users: z.number().int().positive(),
});

const parsed = jobSchema.safeParse(JSON.parse(process.argv[2] ?? 'null'));
if (!parsed.success) throw new Error(`sessions-worker: invalid job: ${parsed.error.message}`);
const { schema, ...rest } = parsed.data;
const job = { ...rest, ...(schema ? { schema } : {}) };
const recommender = await openBenchAgent(job);
await warmUp(recommender, job);
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
lines.close();
try {
  const outcome = await runSessions(recommender, job);
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
} finally {
  await recommender.close();
}
