/**
 * Checks an Office file (.docx, .xlsx: a zip archive) before any library unpacks it: too many
 * entries, an entry or a total that would expand past a fixed limit, or a compression ratio no
 * real document has (a "zip bomb": 400 KB that expands to 400 MB) are refused. Every entry is
 * inflated as a stream and counted, so sizes the archive lies about are caught too, in constant
 * memory.
 */
import yauzl from 'yauzl';

export const ZIP_LIMITS = {
  /** Entries in one archive; a Word file has a few dozen. */
  entries: 5_000,
  /** Uncompressed bytes of one entry. */
  entryBytes: 48 * 1024 * 1024,
  /** Uncompressed bytes of the whole archive. */
  totalBytes: 96 * 1024 * 1024,
  /** Expansion of one entry beyond which a large entry is taken for a bomb. */
  ratio: 200,
};

export type ZipProblem = 'not_zip' | 'too_large';

export class ZipGuardError extends Error {
  readonly problem: ZipProblem;

  constructor(problem: ZipProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ZipGuardError';
    this.problem = problem;
  }
}

function open(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new ZipGuardError('not_zip', 'not a zip archive', { cause: err }));
      else resolve(zip);
    });
  });
}

/** Resolves when the archive is within the limits; rejects with ZipGuardError otherwise. */
export async function checkZip(buf: Buffer, limits = ZIP_LIMITS): Promise<void> {
  const zip = await open(buf);
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw new ZipGuardError('too_large', `${zip.entryCount} entries`);
  }
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      zip.close();
      reject(error instanceof ZipGuardError ? error : new ZipGuardError('not_zip', 'damaged zip archive', { cause: error }));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const declared = entry.uncompressedSize;
      if (declared > limits.entryBytes || total + declared > limits.totalBytes) {
        fail(new ZipGuardError('too_large', `${entry.fileName} expands to ${declared} bytes`));
        return;
      }
      if (declared > 1024 * 1024 && declared > entry.compressedSize * limits.ratio) {
        fail(new ZipGuardError('too_large', `${entry.fileName} expands ${Math.round(declared / Math.max(1, entry.compressedSize))} times`));
        return;
      }
      if (/\/$/.test(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          fail(err);
          return;
        }
        let seen = 0;
        stream.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          total += chunk.length;
          if (seen > limits.entryBytes || total > limits.totalBytes) {
            stream.destroy();
            fail(new ZipGuardError('too_large', `${entry.fileName} expands past the limit`));
          }
        });
        stream.on('error', fail);
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}
