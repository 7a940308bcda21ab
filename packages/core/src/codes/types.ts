export type Lang = 'fr' | 'en';

export interface CodeEntry {
  readonly code: string;
  /** French label, as published (see each list's header for the editing rules applied). */
  readonly label: string;
  /** English label, written for Liaison: not an official translation. */
  readonly labelEn: string;
  /**
   * Retired by the publisher: still found in national extracts and old records, so it is kept and
   * looked up, but new entries should not offer it.
   */
  readonly deprecated?: true;
}

export interface CodeList {
  readonly id: string;
  /** Canonical URL of the CodeSystem and the publication it was read from. */
  readonly source: string;
  /** The CodeSystem version as published (ANS uses a yyyymmddhhmmss timestamp). */
  readonly version: string;
  readonly codes: readonly CodeEntry[];
}
