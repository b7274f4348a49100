import type { Lexicon } from '../lexicon/lexicon-schema.js';
import type { CatalogMapping } from './catalog-mapping.js';
import type { CatalogWarning } from './catalog-warning.js';

/** A value of one catalog field after normalization. */
export type FieldValue = string | number | string[];

/** One catalog item: stable id, display title, and every mapped field. */
export interface CatalogItem {
  id: string;
  title: string;
  /** Release year when the catalog has one (from the year field or a "(1995)" title suffix). */
  year?: number;
  genres: string[];
  /** Everyone named in the people fields (director, cast, ...), in field order. */
  people: string[];
  /** All mapped fields by name, normalized (lists are arrays, numbers are numbers). */
  fields: Record<string, FieldValue>;
}

/** A loaded, validated catalog. */
export interface Catalog {
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
  /** Where the catalog was read from. */
  source: string;
  /** sha256 over the normalized items and mapping: changes whenever the indexed content would. */
  hash: string;
  mapping: CatalogMapping;
  /**
   * The concept lexicon the mapping gives (the movie defaults extended by its `lexicon`); absent when
   * it gives none. Not part of `hash`: a new lexicon needs no new index.
   */
  lexicon?: Lexicon;
  /** What one item is, for replies ("board game"), when the mapping says; otherwise replies say "movie". */
  kind?: string;
  /** Rows that were skipped or fields that were dropped, with their location. */
  warnings: CatalogWarning[];
  /** How many input rows were skipped. */
  skippedRows: number;
}
