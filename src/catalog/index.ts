export type { Catalog, CatalogItem, FieldValue } from './catalog-item.js';
export type { CatalogWarning } from './catalog-warning.js';
export {
  catalogMappingSchema,
  inferMapping,
  embedFields,
  type CatalogMapping,
  type CatalogMappingInput,
  type CatalogMappingOptions,
  type PartialCatalogMapping,
} from './catalog-mapping.js';
export { mappingFileSchema, maxMappingFileBytes, readMappingFile } from './mapping-file.js';
export { loadCatalog, parseCatalog, type LoadCatalogOptions } from './load-catalog.js';
export { itemText } from './item-text.js';
export { formatOf, type CatalogFormat } from './read-rows.js';
export { titleWithYear } from './title-with-year.js';
