/** The save dialog behind "Export CSV": main picks the file so the renderer never names a path. */
import { dialog, type BrowserWindow } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultExportName(now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `audit-log-${stamp}.csv`;
}

/** Resolves the chosen path, or null when the operator cancelled. */
export async function chooseExportPath(win: BrowserWindow | null): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export audit log',
    defaultPath: join(homedir(), defaultExportName()),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return result.filePath.toLowerCase().endsWith('.csv') ? result.filePath : `${result.filePath}.csv`;
}
