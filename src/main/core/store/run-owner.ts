import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Which store instance created a run: "host|pid|instance". When a store opens, queued or running
 * runs are interrupted only if their owner is gone. Without this, a CLI opened next to a running
 * console would mark the console's live jobs as interrupted.
 */
const SEP = '|';
const openInstances = new Set<string>();

export function newOwnerToken(): string {
  const token = [hostname(), String(process.pid), randomUUID()].join(SEP);
  openInstances.add(token);
  return token;
}

export function releaseOwnerToken(token: string): void {
  openInstances.delete(token);
}

/**
 * True while the owner can still finish its run: an open store in this process, or another live
 * process on this host. A run from another host is treated as orphaned (a SQLite file in WAL mode
 * cannot be shared across hosts anyway). A reused pid keeps a dead run open until that pid exits;
 * that errs on the side of never interrupting live work.
 */
export function isOwnerAlive(token: string): boolean {
  const [host, pidText] = token.split(SEP);
  if (host !== hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return openInstances.has(token);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
