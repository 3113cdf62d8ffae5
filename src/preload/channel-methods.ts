/**
 * Channel -> method name, and the event names, as plain data. The preload cannot import the contract's
 * values (they pull in zod, and a sandboxed preload may require only 'electron'), so the lists are
 * written out here and the compiler holds them to the contract: a missing, extra or misnamed entry is
 * a type error, and a unit test compares them with CHANNELS and EVENTS at run time as well.
 */
import type { CHANNELS, Channel, EventName } from '../shared/ipc-contract';

type MethodOf = { readonly [C in Channel]: (typeof CHANNELS)[C]['method'] };

export const CHANNEL_METHODS = {
  'health:get': 'getHealth',
  'schema:status': 'getSchemaStatus',
  'schema:init': 'initSchema',
  'users:list': 'listUsers',
  'users:summary': 'getSyncSummary',
  'users:detail': 'getUserDetail',
  'sync:start': 'startSync',
  'sync:cancel': 'cancelSync',
  'sync:jobs': 'listJobs',
  'history:list': 'listHistory',
  'history:run': 'getRunDetail',
  'audit:list': 'listAudit',
  'audit:export': 'exportAudit',
  'settings:get': 'getSettings',
  'settings:save': 'saveSettings',
  'settings:test': 'testConnection',
  'app:open-external': 'openExternal',
} as const satisfies MethodOf;

/** Keys of a Record<EventName, true> must be exactly the event names. */
const EVENT_SET: Record<EventName, true> = {
  'job:progress': true,
  'job:log': true,
  'job:finished': true,
  'health:changed': true,
};
export const EVENT_NAMES = Object.keys(EVENT_SET) as EventName[];

/** Prefix of the push channels main sends events on, so they can never collide with invoke channels. */
export const EVENT_CHANNEL_PREFIX = 'event:';
