import { ConvrecError, type ConvrecErrorOptions } from './convrec-error.js';

/**
 * A profile store that cannot be reached (PROFILE_STORE_UNAVAILABLE: refused, timed out, bad
 * credentials) or that failed a read or write (PROFILE_STORE_FAILED). `location` names the store with
 * any password masked, so the error can be printed and logged.
 */
export class ProfileStoreError extends ConvrecError {
  readonly location: string;

  constructor(
    code: 'PROFILE_STORE_FAILED' | 'PROFILE_STORE_UNAVAILABLE',
    message: string,
    location: string,
    options: ConvrecErrorOptions = {},
  ) {
    super(code, `${location}: ${message}`, options);
    this.location = location;
  }
}
