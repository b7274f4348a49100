/**
 * A child process for the concurrency tests: opens the profile store at argv[2] (a SQLite file or a
 * postgres:// URL) and, for `count` rounds (argv[4], or forever with "forever"), saves session
 * `<writer>-<n>` (argv[3] is the writer name) and one feedback event for it, printing `ack <session
 * id>` after each committed write. The sessions and feedback belong to user argv[5] (default: the
 * writer), so several writers can share one profile; argv[6] names a Postgres schema. Failures go to
 * stderr as `fail <code> <message>` with exit code 1.
 */
import { openProfileStore, PostgresProfileStore } from '../../src/profile/index.js';
import { isConvrecError } from '../../src/errors/index.js';

const [location, writer, countText, user, schema] = process.argv.slice(2);
if (!location || !writer || !countText) {
  throw new Error('usage: profile-writer <db> <writer> <count|forever> [user] [postgres schema]');
}
const count = countText === 'forever' ? Number.POSITIVE_INFINITY : Number(countText);
const userId = user || writer;

try {
  const store = schema
    ? await PostgresProfileStore.open(location, { schema })
    : await openProfileStore(location);
  for (let round = 1; round <= count; round++) {
    const id = `${writer}-${round}`;
    const at = new Date().toISOString();
    await store.saveSession({
      id,
      userId,
      messages: [
        { role: 'user', text: `request ${round} from ${writer}` },
        { role: 'assistant', text: 'Try The Vault Job.' },
      ],
      lastShown: [{ itemId: 'm5', reason: 'bank robbers' }],
      shownIds: ['m5'],
      turns: 1,
      updatedAt: at,
    });
    process.stdout.write(`ack ${id}\n`);
    await store.addFeedback([
      { userId, itemId: `${writer}-item-${round}`, kind: 'liked', sessionId: id, turn: 1, at },
    ]);
    process.stdout.write(`ack feedback ${id}\n`);
  }
  await store.close();
} catch (error) {
  const code = isConvrecError(error) ? error.code : 'UNEXPECTED';
  process.stderr.write(`fail ${code} ${(error as Error).message}\n`);
  process.exitCode = 1;
}
