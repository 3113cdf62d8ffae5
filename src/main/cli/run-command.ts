/**
 * Executes one parsed command against the console service and prints the result. Returns the
 * process exit status (0 ok, 1 failed/partial/unknown user/unreachable).
 */
import type { ConsoleService } from '../core/api';
import { toErrorInfo } from '../../shared/errors';
import type { Command } from './usage';
import { formatAudit, formatHealth, formatHistory, formatInit, formatRunSummary, formatStatus } from './format';
import { followRun } from './progress';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export async function runCommand(api: ConsoleService, command: Command, opts: { json: boolean; actor: string }, io: CliIo): Promise<number> {
  const print = (human: () => string, data: unknown) => {
    io.stdout.write(opts.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
  };
  const who = { actor: opts.actor };
  switch (command.kind) {
    case 'help':
      return 0;
    case 'health': {
      const h = await api.health();
      print(() => formatHealth(h), h);
      return h.postgres.ok && h.weaviate.ok && h.store.ok ? 0 : 1;
    }
    case 'init': {
      const report = await api.schemaInit(who);
      print(() => formatInit(report), { ok: true, report });
      return report.collections.some((c) => c.action === 'conflicts') ? 1 : 0;
    }
    case 'status': {
      const d = await api.userDetail(command.userId);
      print(() => formatStatus(d), d);
      return 0;
    }
    case 'history': {
      const p = await api.listHistory({ userId: command.userId, limit: command.limit });
      print(() => formatHistory(p), p);
      return 0;
    }
    case 'audit': {
      const p = await api.listAudit({ limit: command.limit });
      print(() => formatAudit(p), p);
      return 0;
    }
    case 'sync': {
      const started = await api.startSync(
        { users: [command.userId], type: command.type, limit: command.limit, trigger: 'cli' },
        who,
      );
      const runId = started.started[0]!.runId;
      const stop = followRun(api, runId, io.stderr);
      const onSignal = () => {
        io.stderr.write('\nCancelling: the sync stops after the current batch...\n');
        void api.cancelSync(runId, who).catch(() => undefined);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let run;
      try {
        run = await api.waitForRun(runId);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        stop();
      }
      if (!run) throw new Error(`run ${runId} vanished before it finished`);
      const detail = await api.runDetail(runId, 1);
      print(() => formatRunSummary(run), { ok: run.status === 'succeeded', run, failures: detail.failures });
      return run.status === 'succeeded' ? 0 : 1;
    }
  }
}

export function printError(err: unknown, json: boolean, io: CliIo): void {
  const info = toErrorInfo(err);
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: info }, null, 2)}\n`);
  io.stderr.write(`error: ${info.message}\n`);
}
