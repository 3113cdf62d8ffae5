/**
 * Progress of a sync on stderr: a line rewritten in place on a terminal, an occasional plain line
 * otherwise (logs and CI). Warnings and errors from the run's log are printed as they come.
 */
import type { JobProgress } from '../../shared/domain';
import type { ConsoleApi } from '../../shared/console-api';
import { formatCounts } from './format';

export function followRun(api: ConsoleApi, runId: string, out: NodeJS.WriteStream): () => void {
  const tty = !!out.isTTY;
  let lastPlain = 0;
  let drawn = false;
  const clear = () => {
    if (tty && drawn) out.write('\r\x1b[K');
    drawn = false;
  };
  const show = (p: JobProgress) => {
    const totals = Object.entries(p.totals)
      .map(([t, n]) => `${t} ${p.counts[t as keyof typeof p.counts]?.written ?? 0}/${n}`)
      .join(', ');
    const text = `${p.phase}${p.current ? ` ${p.current}` : ''}: ${totals || formatCounts(p.counts) || 'starting'}`;
    if (tty) {
      out.write(`\r\x1b[K${text}`);
      drawn = true;
    } else if (Date.now() - lastPlain > 2000) {
      lastPlain = Date.now();
      out.write(`${text}\n`);
    }
  };
  const offProgress = api.on('job:progress', (p) => {
    if (p.runId === runId && p.phase !== 'finished') show(p);
  });
  const offLog = api.on('job:log', (l) => {
    if (l.runId !== runId || l.level === 'info') return;
    clear();
    out.write(`${l.level === 'warn' ? 'warning' : 'error'}: ${l.message}\n`);
  });
  return () => {
    offProgress();
    offLog();
    clear();
  };
}
