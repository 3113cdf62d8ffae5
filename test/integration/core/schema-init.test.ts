import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { COLLECTIONS } from '../../../src/main/core/mapping';
import { startCoreFixture, type CoreFixture } from '../../support/core/core-fixture';

const who = { actor: 'schema-tester' };
let fx: CoreFixture;

beforeAll(async () => {
  fx = await startCoreFixture(inject('pgAdminUrl'));
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(() => {
  fx.double.reset();
});

async function propertiesOf(name: string): Promise<Record<string, string>> {
  const config = await fx.client.collections.get(name).config.get();
  return Object.fromEntries(config.properties.map((p) => [p.name, String(p.dataType)]));
}

describe('schema init', () => {
  it('creates every expected collection on an empty Weaviate, with the expected property types', async () => {
    const report = await fx.api.schemaInit(who);
    expect(report.collections.map((c) => [c.name, c.action]).sort()).toEqual([
      ['Account', 'created'],
      ['Transaction', 'created'],
      ['UserProfile', 'created'],
    ]);
    for (const expected of COLLECTIONS) {
      const actual = await propertiesOf(expected.name);
      for (const p of expected.properties) expect(actual[p.name], `${expected.name}.${p.name}`).toBe(p.dataType);
    }
    const status = await fx.api.schemaStatus();
    expect(status.inSync).toBe(true);
  });

  it('changes nothing when run twice in a row', async () => {
    await fx.api.schemaInit(who);
    const before = await Promise.all(COLLECTIONS.map((c) => propertiesOf(c.name)));
    const again = await fx.api.schemaInit(who);
    expect(again.collections.every((c) => c.action === 'up-to-date')).toBe(true);
    expect(again.collections.flatMap((c) => c.propertiesAdded)).toEqual([]);
    expect(await Promise.all(COLLECTIONS.map((c) => propertiesOf(c.name)))).toEqual(before);
  });

  it('adds missing properties to a partial collection and creates the missing ones', async () => {
    await fx.client.collections.create({
      name: 'Account',
      properties: [
        { name: 'account_id', dataType: 'text' },
        { name: 'user_id', dataType: 'text' },
        { name: 'legacy_note', dataType: 'text' },
      ],
    });
    const status = await fx.api.schemaStatus();
    const account = status.collections.find((c) => c.name === 'Account')!;
    expect(account.exists).toBe(true);
    expect(account.properties.find((p) => p.name === 'balance_current')?.state).toBe('missing');
    expect(account.properties.find((p) => p.name === 'legacy_note')?.state).toBe('extra');
    expect(status.collections.find((c) => c.name === 'Transaction')?.exists).toBe(false);
    expect(status.inSync).toBe(false);

    const report = await fx.api.schemaInit(who);
    const acc = report.collections.find((c) => c.name === 'Account')!;
    expect(acc.action).toBe('properties-added');
    expect(acc.propertiesAdded).toContain('balance_current');
    expect(acc.propertiesAdded).not.toContain('account_id');
    expect(report.collections.find((c) => c.name === 'Transaction')?.action).toBe('created');
    // The operator's extra property is kept: init never drops anything.
    expect((await propertiesOf('Account')).legacy_note).toBe('text');
    expect((await fx.api.schemaStatus()).inSync).toBe(true);
  });

  it('reports a property whose type conflicts, and leaves it and its data alone', async () => {
    await fx.client.collections.create({
      name: 'Transaction',
      properties: [
        { name: 'transaction_id', dataType: 'text' },
        { name: 'amount', dataType: 'text' },
      ],
    });
    await fx.client.collections.get('Transaction').data.insert({ properties: { transaction_id: 't1', amount: '12.50' } });
    const report = await fx.api.schemaInit(who);
    const tx = report.collections.find((c) => c.name === 'Transaction')!;
    expect(tx.action).toBe('conflicts');
    expect(tx.conflicts).toEqual([{ property: 'amount', expected: 'number', actual: 'text' }]);
    expect(tx.propertiesAdded).toContain('user_id');
    expect((await propertiesOf('Transaction')).amount).toBe('text');
    const count = await fx.client.collections.get('Transaction').aggregate.overAll();
    expect(count.totalCount).toBe(1);
    expect((await fx.api.schemaStatus()).inSync).toBe(false);
  });

  it('records every init in the audit log, failures too', async () => {
    await fx.api.schemaInit(who);
    await fx.double.faults.takeDown();
    try {
      await expect(fx.api.schemaInit({ actor: 'schema-tester-2' })).rejects.toMatchObject({ code: 'WEAVIATE_UNAVAILABLE' });
    } finally {
      await fx.double.faults.bringUp();
    }
    const audit = await fx.api.listAudit({ action: 'schema.init', limit: 50 });
    const failed = audit.items.find((e) => e.actor === 'schema-tester-2');
    expect(failed?.outcome).toBe('error');
    expect(failed?.error).toMatch(/not reachable/);
    expect(audit.items.some((e) => e.actor === 'schema-tester' && e.outcome === 'ok')).toBe(true);
  });
});
