/** Short, readable human output for the command line. */
import type {
  AuditEntry,
  HealthReport,
  Page,
  SchemaInitReport,
  SyncRun,
  TypeCounts,
  UserDetail,
} from '../../shared/domain';
import { DATA_TYPES } from '../../shared/domain';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatInit(r: SchemaInitReport): string {
  return r.collections
    .map((c) => {
      const extra = [
        c.propertiesAdded.length ? `added ${c.propertiesAdded.join(', ')}` : '',
        ...c.conflicts.map((x) => `CONFLICT ${x.property}: expected ${x.expected}, found ${x.actual}`),
      ].filter(Boolean);
      return `${pad(c.name, 12)} ${c.action}${extra.length ? ` (${extra.join('; ')})` : ''}`;
    })
    .join('\n');
}

export function formatCounts(counts: Partial<Record<string, TypeCounts>>): string {
  return DATA_TYPES.filter((t) => counts[t])
    .map((t) => {
      const c = counts[t]!;
      return `${t}: ${c.written}/${c.read} written${c.failed ? `, ${c.failed} failed` : ''}${c.warnings ? `, ${c.warnings} warnings` : ''}`;
    })
    .join('; ');
}

export function formatRunSummary(run: SyncRun): string {
  const took =
    run.startedAt && run.finishedAt ? ` in ${((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)} s` : '';
  const lines = [`Sync ${run.type} of user ${run.userId}: ${run.status.toUpperCase()}${took}`];
  const counts = formatCounts(run.counts);
  if (counts) lines.push(`  ${counts}`);
  if (run.error) lines.push(`  ${run.error}`);
  lines.push(`  run ${run.id}`);
  return lines.join('\n');
}

export function formatStatus(d: UserDetail): string {
  const s = d.status;
  const lines = [
    `User ${d.user.id} <${d.user.email}>: ${s.overall}${s.lastSyncedAt ? ` (last sync ${s.lastSyncedAt})` : ''}`,
  ];
  for (const t of DATA_TYPES) {
    const x = s.types[t];
    const w = x.weaviateCount === null ? '?' : String(x.weaviateCount);
    lines.push(
      `  ${pad(t, 13)} ${pad(x.state, 7)} PostgreSQL ${x.postgresCount}${x.expectedCount !== x.postgresCount ? ` (expected ${x.expectedCount})` : ''}, Weaviate ${w}${x.lastError ? ` - ${x.lastError}` : ''}`,
    );
  }
  if (s.weaviateError) lines.push(`  Weaviate could not be counted: ${s.weaviateError}`);
  if (d.activeJob) lines.push(`  A ${d.activeJob.type} sync is ${d.activeJob.status} (run ${d.activeJob.runId})`);
  return lines.join('\n');
}

export function formatHistory(p: Page<SyncRun>): string {
  if (p.items.length === 0) return 'No sync runs recorded.';
  const rows = p.items.map(
    (r) => `${r.queuedAt}  ${pad(r.status, 11)} ${pad(r.type, 12)} ${pad(r.trigger, 8)} ${r.userId}  ${formatCounts(r.counts)}${r.error ? `  ${r.error}` : ''}`,
  );
  return [...rows, `(${p.items.length} of ${p.total})`].join('\n');
}

export function formatAudit(p: Page<AuditEntry>): string {
  if (p.items.length === 0) return 'No audit entries.';
  const rows = p.items.map(
    (e) => `${e.time}  ${pad(e.actor, 12)} ${pad(e.action, 14)} ${pad(e.outcome, 5)} ${e.userId ?? '-'}${e.error ? `  ${e.error}` : ''}`,
  );
  return [...rows, `(${p.items.length} of ${p.total})`].join('\n');
}

export function formatHealth(h: HealthReport): string {
  return [h.postgres, h.weaviate, h.store]
    .map(
      (c) =>
        `${pad(c.component, 9)} ${c.ok ? 'ok  ' : 'DOWN'} ${c.target}${c.version ? `  v${c.version}` : ''}${c.latencyMs !== null ? `  ${c.latencyMs} ms` : ''}${c.error ? `\n          ${c.error}${c.hint ? `\n          ${c.hint}` : ''}` : ''}`,
    )
    .join('\n');
}
