/**
 * Runs the libraries that open Word, Excel and PDF files (mammoth, exceljs, pdf.js) in a worker
 * thread with a capped heap and a time limit. Those libraries build the whole document in memory
 * (mammoth needs about a hundred times the size of the document's XML), so a large or hostile
 * file could otherwise take the server's memory or block it; here it only stops its worker.
 */
import { Worker } from 'node:worker_threads';
import type { Cell } from './table.js';

/** Memory and time one file may take to open. */
export const READER_LIMITS = { heapMb: 128, timeoutMs: 60_000 };

export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Results {
  docx: { html: string };
  xlsx: { sheets: Cell[][][] };
  pdf: { pages: TextRun[][] };
}

export type ReaderKind = keyof Results;

/** The file could not be opened: `limit` when it needed more memory or time than allowed. */
export class ReaderError extends Error {
  readonly limit: boolean;

  constructor(message: string, limit: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReaderError';
    this.limit = limit;
  }
}

/** Opens `data` as `kind` in a worker; rejects with ReaderError. */
export function readInWorker<K extends ReaderKind>(kind: K, data: Uint8Array, limits = READER_LIMITS): Promise<Results[K]> {
  const worker = new Worker(new URL('./reader-worker.mjs', import.meta.url), {
    execArgv: [],
    workerData: { kind, data },
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise<Results[K]>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new ReaderError(`opening the ${kind} file took too long`, true))), limits.timeoutMs);
    worker.once('message', (message: Results[K] | { error: string }) =>
      settle(() => ('error' in message ? reject(new ReaderError(message.error, false)) : resolve(message))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(new ReaderError(error.message, error.code === 'ERR_WORKER_OUT_OF_MEMORY', { cause: error }))),
    );
    worker.once('exit', (code) => settle(() => reject(new ReaderError(`the ${kind} reader stopped (${code})`, false))));
  });
}
