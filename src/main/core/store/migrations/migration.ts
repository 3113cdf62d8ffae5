import type { Database } from 'better-sqlite3';

/**
 * One numbered schema step. Versions are consecutive from 1; a step never changes after it has
 * shipped (a fix is a new step), because users' files already ran the old one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
