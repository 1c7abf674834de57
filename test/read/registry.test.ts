import { describe, expect, it } from 'vitest';
import { EXTENSIONS, READABLE_EXTENSIONS } from '../../src/read/extensions.js';
import { readerFor } from '../../src/read/index.js';

describe('the readers and the table of extensions help names', () => {
  it('give every extension of the table to the reader of its format, and no extension to two', () => {
    for (const [format, extensions] of Object.entries(EXTENSIONS)) {
      for (const ext of extensions) expect(readerFor(`答复${ext.toUpperCase()}`)?.format, ext).toBe(format);
    }
    expect(new Set(READABLE_EXTENSIONS).size).toBe(READABLE_EXTENSIONS.length);
    expect(readerFor('答复.xlsx')).toBeUndefined();
  });
});
