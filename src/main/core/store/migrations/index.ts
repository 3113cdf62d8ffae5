import type { Migration } from './migration';
import { migration001 } from './001-initial';

/** Every schema step in order. Append new files here; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export type { Migration } from './migration';
