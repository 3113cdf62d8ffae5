/**
 * The IPC contract: every channel (domain:verb) with its zod input schema and output type, and every
 * event with its payload. The preload exposes exactly one method per channel (named by `method`), and
 * the main process registers exactly one wrapped handler per channel. Tests hold both to this list.
 */
import { z } from 'zod';
import {
  listAuditInput,
  listHistoryInput,
  listUsersInput,
  runDetailInput,
  runIdSchema,
  saveSettingsInput,
  startSyncInput,
  testConnectionInput,
  userIdSchema,
} from './api-inputs';
import type {
  AuditEntry,
  ComponentHealth,
  HealthReport,
  JobInfo,
  Page,
  RunDetail,
  SchemaInitReport,
  SchemaStatus,
  SettingsView,
  StartSyncResult,
  SyncRun,
  SyncSummary,
  UserDetail,
  UserRow,
} from './domain';
import type { ConsoleEvents } from './console-api';
import type { ErrorInfo } from './errors';

const none = z.undefined();

const auditFilter = listAuditInput.omit({ offset: true, limit: true });

/** A channel's declaration; `_out` carries the output type only (never read at run time). */
interface ChannelSpec<I extends z.ZodType, O> {
  method: string;
  input: I;
  _out?: O;
}
function channel<O>() {
  return <const M extends string, I extends z.ZodType>(method: M, input: I) =>
    ({ method, input }) as { method: M; input: I; _out?: O } satisfies ChannelSpec<I, O>;
}

export const CHANNELS = {
  'health:get': channel<HealthReport>()('getHealth', none),
  'schema:status': channel<SchemaStatus>()('getSchemaStatus', none),
  'schema:init': channel<SchemaInitReport>()('initSchema', none),
  'users:list': channel<Page<UserRow>>()('listUsers', listUsersInput),
  'users:summary': channel<SyncSummary>()('getSyncSummary', none),
  'users:detail': channel<UserDetail>()('getUserDetail', z.object({ userId: userIdSchema }).strict()),
  'sync:start': channel<StartSyncResult>()('startSync', startSyncInput),
  'sync:cancel': channel<boolean>()('cancelSync', z.object({ runId: runIdSchema }).strict()),
  'sync:jobs': channel<JobInfo[]>()('listJobs', none),
  'history:list': channel<Page<SyncRun>>()('listHistory', listHistoryInput),
  'history:run': channel<RunDetail>()('getRunDetail', runDetailInput),
  'audit:list': channel<Page<AuditEntry>>()('listAudit', listAuditInput),
  /** Asks main to show a save dialog and stream the filtered log there; null path = dialog cancelled. */
  'audit:export': channel<{ filePath: string | null; rows: number }>()('exportAudit', auditFilter),
  'settings:get': channel<SettingsView>()('getSettings', none),
  'settings:save': channel<SettingsView>()('saveSettings', saveSettingsInput),
  'settings:test': channel<ComponentHealth>()('testConnection', testConnectionInput),
  /** Opens an http(s) link in the operator's browser; anything else is refused. */
  'app:open-external': channel<void>()(
    'openExternal',
    z
      .object({
        url: z
          .string()
          .url()
          .refine((u) => /^https?:\/\//i.test(u), 'only http(s) links can be opened'),
      })
      .strict(),
  ),
} as const;

export type Channel = keyof typeof CHANNELS;
export type ChannelInput<C extends Channel> = z.input<(typeof CHANNELS)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof CHANNELS)[C]['input']>;
export type ChannelOutput<C extends Channel> = NonNullable<(typeof CHANNELS)[C]['_out']> extends never
  ? void
  : Exclude<(typeof CHANNELS)[C]['_out'], undefined>;

/** What every handler returns across IPC: Electron keeps only an Error's message, so errors are data. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** Events main pushes to the renderer, with their payloads. */
export const EVENTS = ['job:progress', 'job:log', 'job:finished', 'health:changed'] as const;
export type EventName = (typeof EVENTS)[number];
export type EventPayload<E extends EventName> = ConsoleEvents[E];

type MethodName<C extends Channel> = (typeof CHANNELS)[C]['method'];

/** The renderer-facing API the preload exposes as window.api. */
export type RendererApi = {
  [C in Channel as MethodName<C>]: undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  /** Subscribe to a pushed event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
