import { AppError } from '../../../shared/errors';

/**
 * Turns a failure while opening the file into a STORE_ERROR that names the file and says what the
 * operator can do about it. SQLite and file-system codes map to the usual causes.
 */
export function openFailure(filePath: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  const reason = err instanceof Error ? err.message : String(err);
  let hint: string;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    hint = 'the file is not an SQLite database (or is damaged): move it away, or set ELYSIA_SYNC_DB to another file';
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    hint = 'another process holds a lock on it: close the other console or CLI that uses this file and try again';
  } else if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_IOERR') ||
    ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'EEXIST', 'ENOENT'].includes(code)
  ) {
    hint = 'check that its folder exists or can be created and is writable, or set ELYSIA_SYNC_DB to a writable path';
  } else if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    hint = 'the disk is full: free some space and try again';
  } else if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|cannot open shared object/i.test(reason)) {
    hint = 'the SQLite native module does not match this runtime: rebuild better-sqlite3 for it (see the README)';
  } else {
    hint = 'check the file and its folder, or set ELYSIA_SYNC_DB to another path';
  }
  return new AppError('STORE_ERROR', `cannot open the sync history store at ${filePath}: ${reason}. ${capitalise(hint)}`, {
    cause: err,
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
