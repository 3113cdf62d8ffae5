import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/main/cli/usage';

describe('cli argument parsing', () => {
  it('maps the seed commands to sync types', () => {
    expect(parseCli(['sync-all', 'u1']).command).toEqual({ kind: 'sync', type: 'all', userId: 'u1', limit: undefined });
    expect(parseCli(['sync-transactions', 'u1', '--limit', '0']).command).toEqual({
      kind: 'sync',
      type: 'transactions',
      userId: 'u1',
      limit: 0,
    });
    expect(parseCli(['sync-profile', 'u1']).command).toMatchObject({ type: 'profile' });
    expect(parseCli(['sync-accounts', 'u1']).command).toMatchObject({ type: 'accounts' });
  });

  it('reads --json and --actor anywhere', () => {
    const p = parseCli(['--json', 'history', '--actor', 'ops-bob', '--user', 'u9', '--limit', '7']);
    expect(p).toEqual({ command: { kind: 'history', userId: 'u9', limit: 7 }, json: true, actor: 'ops-bob' });
  });

  it.each([
    [[], 'no command given'],
    [['sync-all'], 'sync-all needs a USER_ID'],
    [['sync-all', 'a', 'b'], 'takes one USER_ID'],
    [['sync-profile', 'u', '--limit', '3'], '--limit does not apply to sync-profile'],
    [['sync-transactions', 'u', '--limit=-1'], '--limit must be a whole number from 0 to 10000000 (got "-1")'],
    [['history', '--limit', '0'], '--limit must be a whole number from 1 to 500'],
    [['audit', '--user', 'x'], '--user does not apply to audit'],
    [['init', 'extra'], 'init takes no arguments'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['status', 'u', '--colour'], "Unknown option '--colour'"],
    [['status', 'u', '--actor', ' '], '--actor needs a name'],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(() => parseCli(argv as string[])).toThrow(UsageError);
    expect(() => parseCli(argv as string[])).toThrow(message);
  });
});
