/**
 * `npm run lint:cycles`: fails on an import cycle in src/, between files (madge) or between the
 * top-level folders of src/ (arrows between capabilities point one way). Type-only imports count.
 * The few known cycles are listed below with where they are tracked; the list may only shrink, so
 * an entry that no longer occurs fails too, until it is removed.
 */
import madge from 'madge';

const knownFileCycles: Record<string, string> = {
  'understanding/offline/intent.ts > understanding/offline/read-message.ts':
    'issue 11: src/understanding/offline is being edited elsewhere; move isTasteStatement or topicWords out',
};

const knownFolderCycles: Record<string, string> = {
  'dialogue > understanding':
    'issue 11: dialogue/state reads with understanding/offline, understanding reads dialogue messages and state',
};

const result = await madge('src', { fileExtensions: ['ts', 'tsx'], tsConfig: 'tsconfig.json' });

/** The top-level folder of a path relative to src/. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '(root)');

/** Top-level folders of src/ that depend on each other, each cycle as its sorted folder names. */
function folderCycles(graph: Record<string, string[]>): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [file, dependencies] of Object.entries(graph)) {
    const from = folderOf(file);
    if (from === '(root)') continue; // src/index.ts re-exports everything by design
    for (const dependency of dependencies) {
      const to = folderOf(dependency);
      if (to === from || to === '(root)') continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  // Tarjan's strongly connected components.
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (folder: string) => {
    order.set(folder, order.size);
    low.set(folder, order.get(folder)!);
    stack.push(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(folder, Math.min(low.get(folder)!, order.get(next)!));
    }
    if (low.get(folder) !== order.get(folder)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const folder of edges.keys()) if (!order.has(folder)) visit(folder);
  return cycles;
}

/** Reports cycles not in the known list and known entries that no longer occur; true when clean. */
function check(
  kind: string,
  found: string[],
  known: Record<string, string>,
  explain: (cycle: string) => string,
) {
  const unexpected = found.filter((cycle) => !(cycle in known));
  const stale = Object.keys(known).filter((cycle) => !found.includes(cycle));
  for (const cycle of unexpected) process.stderr.write(`${kind} import cycle: ${explain(cycle)}\n`);
  for (const cycle of stale)
    process.stderr.write(
      `known ${kind} cycle no longer occurs, remove it from .ci/check-cycles.ts: ${cycle}\n`,
    );
  return unexpected.length === 0 && stale.length === 0;
}

const graph = result.obj();
// A cycle starts at its alphabetically first file, whichever file madge happened to reach first.
const fileCycles = result.circular().map((cycle) => {
  const first = cycle.indexOf([...cycle].sort()[0]!);
  return [...cycle.slice(first), ...cycle.slice(0, first)].join(' > ');
});
const folders = folderCycles(graph).map((cycle) => cycle.join(' > '));
const filesClean = check('file', fileCycles, knownFileCycles, (cycle) => cycle);
const foldersClean = check('folder', folders, knownFolderCycles, (cycle) => {
  const members = cycle.split(' > ');
  const crossing = Object.entries(graph).flatMap(([file, dependencies]) =>
    dependencies
      .filter((dependency) => {
        const from = folderOf(file);
        const to = folderOf(dependency);
        return from !== to && members.includes(from) && members.includes(to);
      })
      .map((dependency) => `\n    ${file} → ${dependency}`),
  );
  return `${cycle}${crossing.join('')}`;
});
const knownCount = Object.keys(knownFileCycles).length + Object.keys(knownFolderCycles).length;
if (!filesClean || !foldersClean) process.exit(1);
process.stdout.write(
  `no new import cycles in src/ (${Object.keys(graph).length} files; ${knownCount} known, listed in .ci/check-cycles.ts)\n`,
);
