/**
 * Input schemas of the console's operations. The IPC wrapper and the CLI both parse with these,
 * so a payload is validated the same way whichever door it comes through.
 */
import { z } from 'zod';
import { RUN_STATUSES, RUN_TRIGGERS, SYNC_TYPES } from './domain';

/** PostgreSQL ids in the finance database are text; keep them sane before they reach SQL. */
export const userIdSchema = z
  .string()
  .trim()
  .min(1, 'a user id is required')
  .max(200, 'a user id is at most 200 characters');

export const runIdSchema = z.string().uuid('a run id is a UUID');

const pageFields = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

const isoTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 time, e.g. 2026-01-31T12:00:00Z' });

export const listUsersInput = z
  .object({
    search: z.string().trim().max(200).optional(),
    sort: z.enum(['id', 'email', 'created_at', 'transactions', 'accounts']).default('id'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    ...pageFields,
  })
  .strict();
export type ListUsersInput = z.input<typeof listUsersInput>;

/** 0 = all transactions; absent = the configured SYNC_TRANSACTION_LIMIT. */
export const transactionLimitSchema = z
  .number()
  .int('the transaction limit is a whole number')
  .min(0, 'the transaction limit is 0 (all) or more')
  .max(10_000_000);

export const startSyncInput = z
  .object({
    /** One or more users, or the string 'all' for every user in PostgreSQL. */
    users: z.union([z.array(userIdSchema).min(1, 'choose at least one user').max(100_000), z.literal('all')]),
    type: z.enum(SYNC_TYPES),
    limit: transactionLimitSchema.optional(),
    trigger: z.enum(RUN_TRIGGERS).default('manual'),
  })
  .strict();
export type StartSyncInput = z.input<typeof startSyncInput>;

export const listHistoryInput = z
  .object({
    userId: userIdSchema.optional(),
    type: z.enum(SYNC_TYPES).optional(),
    status: z.enum(RUN_STATUSES).optional(),
    trigger: z.enum(RUN_TRIGGERS).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    ...pageFields,
  })
  .strict();
export type ListHistoryInput = z.input<typeof listHistoryInput>;

export const listAuditInput = z
  .object({
    actor: z.string().trim().max(200).optional(),
    action: z.string().trim().max(100).optional(),
    userId: userIdSchema.optional(),
    outcome: z.enum(['ok', 'error']).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    ...pageFields,
  })
  .strict();
export type ListAuditInput = z.input<typeof listAuditInput>;

export const runDetailInput = z
  .object({ runId: runIdSchema, logLimit: z.number().int().min(1).max(20_000).default(5_000) })
  .strict();

const urlWithProtocols = (what: string, protocols: string[]) =>
  z
    .string()
    .trim()
    .max(2000)
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `${what} must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`);

export const databaseUrlSchema = urlWithProtocols('the PostgreSQL URL', ['postgres:', 'postgresql:']);
export const weaviateUrlSchema = urlWithProtocols('the Weaviate URL', ['http:', 'https:']);
export const portSchema = z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535');

/**
 * A field left out keeps its value; null removes the saved override (the environment or the default
 * applies again).
 */
export const saveSettingsInput = z
  .object({
    databaseUrl: databaseUrlSchema.nullable().optional(),
    weaviateUrl: weaviateUrlSchema.nullable().optional(),
    weaviateGrpcPort: portSchema.nullable().optional(),
    weaviateApiKey: z.string().trim().min(1).max(4000).nullable().optional(),
    batchSize: z.number().int().min(1).max(10_000).nullable().optional(),
    transactionLimit: transactionLimitSchema.nullable().optional(),
    autoEnabled: z.boolean().nullable().optional(),
    intervalHours: z.number().min(0.1).max(24 * 365).nullable().optional(),
  })
  .strict();
export type SaveSettingsInput = z.input<typeof saveSettingsInput>;

export const testConnectionInput = z
  .object({
    component: z.enum(['postgres', 'weaviate']),
    databaseUrl: databaseUrlSchema.optional(),
    weaviateUrl: weaviateUrlSchema.optional(),
    weaviateGrpcPort: portSchema.optional(),
    weaviateApiKey: z.string().trim().min(1).max(4000).optional(),
  })
  .strict();
export type TestConnectionInput = z.input<typeof testConnectionInput>;
