import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { openRetriever, type Retriever } from '../retrieval/index.js';

export interface CatalogCacheOptions {
  /** Where a catalog's index is kept (default: a temporary folder, removed by `dispose`). */
  indexDirectory?: (catalog: string) => string;
  /** Told when an index is built, and why. */
  onIndexBuild?: (catalog: string, reason: string) => void;
  signal?: AbortSignal;
}

/** Opens each catalog once per run (building its index when missing or stale) and shares it between scripts. */
export class CatalogCache {
  private readonly open = new Map<string, Promise<Retriever>>();
  private temporary: Promise<string> | undefined;

  constructor(private readonly options: CatalogCacheOptions = {}) {}

  /** The retriever over a catalog file (an absolute path). */
  retriever(catalog: string): Promise<Retriever> {
    let opened = this.open.get(catalog);
    if (!opened) {
      opened = this.openCatalog(catalog);
      // A failed open is not cached: the next script reports the same error afresh.
      opened.catch(() => this.open.delete(catalog));
      this.open.set(catalog, opened);
    }
    return opened;
  }

  /** Removes the temporary index folder, if one was made. */
  async dispose(): Promise<void> {
    const folder = await this.temporary?.catch(() => undefined);
    this.open.clear();
    if (folder) await rm(folder, { recursive: true, force: true });
  }

  private async openCatalog(catalog: string): Promise<Retriever> {
    const indexDirectory = this.options.indexDirectory
      ? this.options.indexDirectory(catalog)
      : join(await this.temporaryFolder(), folderName(catalog));
    const { retriever } = await openRetriever({
      catalog,
      indexDirectory,
      rebuild: 'if-stale',
      ...(this.options.onIndexBuild
        ? { onRebuild: (reason: string) => this.options.onIndexBuild!(catalog, reason) }
        : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    return retriever;
  }

  private temporaryFolder(): Promise<string> {
    this.temporary ??= mkdtemp(join(tmpdir(), 'convrec-dialogues-'));
    return this.temporary;
  }
}

function folderName(catalog: string): string {
  const tag = createHash('sha256').update(catalog).digest('hex').slice(0, 8);
  return `${basename(catalog, extname(catalog))}-${tag}`;
}
