import type { CatalogLocation } from '../errors/index.js';

/** A non-fatal catalog problem: a skipped row or a dropped field. */
export interface CatalogWarning {
  location: CatalogLocation;
  message: string;
  /** `row`: the whole row was skipped; `field`: only this field was dropped. */
  kind: 'row' | 'field';
}
