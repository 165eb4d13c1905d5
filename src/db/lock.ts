/**
 * One process per embedded database. PGlite has no cross-process lock and two processes on one
 * data dir corrupt it (PLATFORMS.md §5), so dondoc keeps its own lock file holding the owner's
 * pid and, for the server, the port and token of its admin bridge so the CLI can go through it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  role: 'server' | 'cli';
  port: number | null;
  token: string | null;
  startedAt: string;
}

export interface HeldLock {
  info: LockInfo;
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

export const LOCK_FILE = 'dondoc.lock';

/** Lock files this process holds: a lock with our own pid that is not here was left by a dead process whose pid we reuse. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Takes the lock, or returns who holds it. A lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string, role: LockInfo['role']): { lock: HeldLock } | { heldBy: LockInfo } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, role, port: null, token: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      let released = false;
      heldHere.add(file);
      return {
        lock: {
          info,
          update(patch) {
            Object.assign(info, patch);
            const tmp = `${file}.${process.pid}.tmp`;
            fs.writeFileSync(tmp, JSON.stringify(info));
            fs.renameSync(tmp, file);
          },
          release() {
            if (released) return;
            released = true;
            heldHere.delete(file);
            if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      const fresh = Date.now() - fs.statSync(file).mtimeMs < 5_000;
      const ours = holder?.pid === process.pid;
      if (holder && ((ours && heldHere.has(file)) || (!ours && isAlive(holder.pid)))) return { heldBy: holder };
      if (!holder && fresh) return { heldBy: { pid: 0, role: 'cli', port: null, token: null, startedAt: '' } };
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
