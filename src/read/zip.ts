import type JSZip from 'jszip';

/**
 * The zip containers of office formats (.docx, .odt, .ofd): opened with
 * jszip (loaded on first use), each part inflated no further than a bound,
 * since the sizes a zip declares may lie (a 1 MB file can inflate to 1 GB).
 */
export type Zip = JSZip;

/** A reply with its scans is a few MB; a zip of 50 MB is no reply. */
export const MAX_ZIP = 50_000_000;
/** One XML part of a reply is some ten KB; 20 MB is the most any is read. */
export const MAX_PART = 20_000_000;
export const TOO_LARGE = Symbol('too large');

/** The zip, or undefined when the bytes are none. */
export async function openZip(bytes: Buffer): Promise<Zip | undefined> {
  if (!bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return undefined;
  const { default: JSZipClass } = await import('jszip');
  try {
    return await JSZipClass.loadAsync(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A part's text, undefined when the zip has no such part, TOO_LARGE past the
 * bound, or past what is left of a budget that all the parts read of one
 * file draw on (a zip's parts may each stay under the bound and still
 * inflate to gigabytes).
 */
export function partText(zip: Zip, path: string, max = MAX_PART, budget?: { left: number }): Promise<string | undefined | typeof TOO_LARGE> {
  const entry = zip.file(path);
  if (!entry) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (budget) budget.left -= chunk.length;
      if (size <= max && (!budget || budget.left >= 0)) return void chunks.push(chunk);
      done = true;
      stream.pause();
      chunks.length = 0;
      resolve(TOO_LARGE);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
