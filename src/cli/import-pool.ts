import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fromWire, readForImport, type ImportRead } from './import-read.js';
import { convertAll } from './sources.js';

/**
 * The files of an import read in order, each while the ones before it are
 * filed: other threads read, decode and parse (the tolerant reader is a
 * tenth of an import's time per file), the main thread only writes to the
 * archive, which is most of it (SQLite's inserts and commits). A few files are
 * asked for ahead, so the texts waiting in memory stay few whatever the size
 * of the folder. Small imports, and a run where the thread's code is not
 * built (the tests run the TypeScript sources), read in this thread.
 */
const AHEAD = 32;
/**
 * Reading threads, one a core: a text file is read in a tenth of the time
 * it takes to file (one thread idles most of the time), a PDF in ten times
 * that time (pdf.js takes 25 ms for a document's fonts and 4–10 ms a page),
 * where a second thread on the second core nearly doubles the rate.
 */
const READING_THREADS = Math.max(1, Math.min(availableParallelism(), 4));
/** Files read ahead in this thread, when there is no reading thread. */
const IN_THREAD_AHEAD = 4;
/** Below this many files, starting a thread (~40 ms) costs more than it saves. */
const MIN_FILES = 50;

export async function* readAll(
  files: readonly string[],
  resultClasses: Readonly<Record<string, string>> | undefined,
  threads = process.env.REPLY_READ_THREADS !== '0',
): AsyncGenerator<ImportRead> {
  const script = workerScript();
  // What LibreOffice must read, in one go before the rest (see convertAll).
  const converted = await convertAll(files);
  if (!threads || !script || files.length < MIN_FILES) {
    // A few files read side by side: a scan's OCR runs on another core while the next file is read.
    const pending: Promise<ImportRead>[] = [];
    let next = 0;
    const fill = () => {
      while (next < files.length && pending.length < IN_THREAD_AHEAD) {
        const read = readForImport(files[next++]!, resultClasses, converted);
        // Awaited in turn below; a failure must not count as unhandled before then.
        read.catch(() => undefined);
        pending.push(read);
      }
    };
    fill();
    while (pending.length) {
      const read = await pending.shift()!;
      fill();
      yield read;
    }
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const workers = Array.from({ length: READING_THREADS }, () => new Worker(script, { workerData: { resultClasses, threads: READING_THREADS } }));
  const waiting = new Map<number, (read: ImportRead | undefined) => void>();
  const done = new Map<number, Promise<ImportRead | undefined>>();
  let failed = false;
  for (const worker of workers) {
    // Never what keeps the process alive: a reader that stops early leaves no thread behind it.
    worker.unref();
    worker.on('message', ({ index, read, error }: { index: number; read?: unknown; error?: string }) => {
      const resolve = waiting.get(index);
      waiting.delete(index);
      // A file the thread could not read (undefined) is read again here, where its error is reported as usual.
      resolve?.(error === undefined ? fromWire(read) : undefined);
    });
    worker.on('error', () => {
      failed = true;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    });
  }
  let asked = 0;
  let consumed = 0;
  const ask = () => {
    while (!failed && asked < files.length && asked < consumed + AHEAD) {
      const index = asked++;
      done.set(index, new Promise((resolve) => waiting.set(index, resolve)));
      const file = files[index]!;
      workers[index % workers.length]!.postMessage({ index, file, docx: converted.docx.get(file) });
    }
  };
  try {
    for (; consumed < files.length; consumed++) {
      ask();
      const read = await done.get(consumed);
      done.delete(consumed);
      yield read ?? (await readForImport(files[consumed]!, resultClasses, converted));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The thread's built script beside this module, or undefined when there is none. */
function workerScript(): URL | undefined {
  const url = new URL('./import-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}
