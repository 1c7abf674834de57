// A thread that reads files for import (readForImport) while the main thread files them.
import { parentPort, workerData } from 'node:worker_threads';
import { shareCores } from '../read/tools.js';
import { readForImport, toWire } from './import-read.js';

const { resultClasses, threads } = workerData as { resultClasses?: Record<string, string>; threads: number };
shareCores(threads);
// The files asked for are read side by side (a scan waits on tesseract meanwhile); the main thread asks only a few
// files ahead, and helper programs run one a core (tools.ts).
parentPort!.on('message', ({ index, file, docx }: { index: number; file: string; docx?: Uint8Array }) => {
  void (async () => {
    try {
      // The .docx LibreOffice made of the file in the run's one call, where it did.
      const converted = docx ? { docx: new Map([[file, Buffer.from(docx)]]) } : undefined;
      parentPort!.postMessage({ index, read: toWire(await readForImport(file, resultClasses, converted)) });
    } catch (error) {
      parentPort!.postMessage({ index, error: String(error) });
    }
  })();
});
