export { ConvrecError, isConvrecError, type ErrorCode, type ConvrecErrorOptions } from './convrec-error.js';
export { CatalogError, formatLocation, type CatalogLocation } from './catalog-error.js';
export { IndexError } from './index-error.js';
export { ProfileStoreError } from './profile-store-error.js';
export { DatasetError } from './dataset-error.js';
