// A thread that reads files for import (readForImport) while the main thread files them.
import { parentPort, workerData } from 'node:worker_threads';
import { readForImport, toWire } from './import-read.js';

const resultClasses = (workerData as { resultClasses?: Record<string, string> }).resultClasses;
// One file at a time, in the order asked: the main thread asks only a few files ahead.
let queue = Promise.resolve();
parentPort!.on('message', ({ index, file, docx }: { index: number; file: string; docx?: Uint8Array }) => {
  queue = queue.then(async () => {
    try {
      // The .docx LibreOffice made of the file in the run's one call, where it did.
      const converted = docx ? { docx: new Map([[file, Buffer.from(docx)]]) } : undefined;
      parentPort!.postMessage({ index, read: toWire(await readForImport(file, resultClasses, converted)) });
    } catch (error) {
      parentPort!.postMessage({ index, error: String(error) });
    }
  });
});
