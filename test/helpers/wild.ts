import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './cli.js';

/** Real replies of offices all over China, as copied from their disclosure pages (see its README). */
export const WILD = join(FIXTURES, 'corpus-wild');

/** The fields a person reads in a wild reply: only those that can be read with certainty. */
export interface Expected {
  readonly who?: string;
  readonly no?: string;
  readonly date?: string;
  readonly doc?: string;
  readonly kind?: string;
  readonly organ?: string;
  readonly session?: string;
}

export const EXPECTED: Readonly<Record<string, Expected>> = JSON.parse(readFileSync(join(WILD, 'expected.json'), 'utf8'));

export const WILD_FILES: readonly string[] = readdirSync(WILD)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export function wild(file: string): string {
  return readFileSync(join(WILD, file), 'utf8');
}
