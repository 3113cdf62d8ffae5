/** Multi-tenant collections: tenant CRUD, per-tenant isolation, refusals without or with a wrong tenant. */
import { beforeEach, describe, expect, it } from 'vitest';
import weaviate from 'weaviate-client';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const h = useWeaviateDouble();
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  const col = await h.client.collections.create({
    name: 'Tx',
    properties: [{ name: 'user_id', dataType: 'text' }],
    multiTenancy: weaviate.configure.multiTenancy({ enabled: true }),
  });
  await col.tenants.create([{ name: 'alice' }, { name: 'bob' }]);
});

const tx = () => h.client.collections.get('Tx');

describe('tenants', () => {
  it('lists tenants over gRPC (TenantsGet) and REST', async () => {
    const all = await tx().tenants.get();
    expect(Object.keys(all).sort()).toEqual(['alice', 'bob']);
    expect(all.alice.activityStatus).toBe('ACTIVE');
    expect(Object.keys(await tx().tenants.getByNames(['bob']))).toEqual(['bob']);
    expect((await tx().tenants.getByName('alice'))?.name).toBe('alice');
    expect(await tx().tenants.getByName('carol')).toBeNull();
    expect(h.double.calls.count('TenantsGet')).toBe(2);
  });

  it('keeps objects isolated per tenant, including the same uuid in two tenants', async () => {
    await tx().withTenant('alice').data.insertMany([{ id: uuid(1), properties: { user_id: 'alice' } }, { id: uuid(2), properties: { user_id: 'alice' } }]);
    await tx().withTenant('bob').data.insertMany([{ id: uuid(1), properties: { user_id: 'bob' } }]);
    expect((await tx().withTenant('alice').aggregate.overAll()).totalCount).toBe(2);
    expect((await tx().withTenant('bob').aggregate.overAll()).totalCount).toBe(1);
    expect((await tx().withTenant('bob').query.fetchObjectById(uuid(1)))?.properties.user_id).toBe('bob');
    const rest = await h.rest(`/v1/objects/Tx/${uuid(1)}?tenant=alice`);
    expect(rest.body).toMatchObject({ tenant: 'alice', properties: { user_id: 'alice' } });
    await tx().withTenant('alice').data.deleteMany(tx().filter.byProperty('user_id').equal('alice'));
    expect((await tx().withTenant('bob').aggregate.overAll()).totalCount).toBe(1);
  });

  it('refuses writes and reads without a tenant, or with one that does not exist', async () => {
    const noTenant = await tx().data.insertMany([{ properties: { user_id: 'x' } }]);
    expect(noTenant.errors[0].message).toMatch(/has multi-tenancy enabled, but request was without tenant/);
    await expect(tx().query.fetchObjects()).rejects.toThrow(/has multi-tenancy enabled, but request was without tenant/);
    const unknown = await tx().withTenant('carol').data.insertMany([{ properties: { user_id: 'x' } }]);
    expect(unknown.errors[0].message).toMatch(/tenant not found: "carol"/);
    const rest = await h.rest('/v1/objects', { method: 'POST', body: { class: 'Tx', properties: {} } });
    expect(rest.status).toBe(422);
  });

  it('refuses a tenant on a collection without multi-tenancy', async () => {
    const plain = await h.client.collections.create({ name: 'Plain', properties: [{ name: 'a', dataType: 'text' }] });
    const res = await plain.withTenant('alice').data.insertMany([{ properties: { a: 'x' } }]);
    expect(res.errors[0].message).toMatch(/has multi-tenancy disabled, but request was with tenant/);
    const create = await h.rest('/v1/schema/Plain/tenants', { method: 'POST', body: [{ name: 'alice' }] });
    expect(create.status).toBe(422);
  });

  it('refuses an inactive tenant until it is activated', async () => {
    await tx().tenants.deactivate('bob');
    expect((await tx().tenants.getByName('bob'))?.activityStatus).toBe('INACTIVE');
    await expect(tx().withTenant('bob').query.fetchObjects()).rejects.toThrow(/tenant not active/);
    await tx().tenants.activate('bob');
    await expect(tx().withTenant('bob').query.fetchObjects()).resolves.toBeDefined();
  });

  it('creates tenants on write when autoTenantCreation is on', async () => {
    const auto = await h.client.collections.create({
      name: 'Auto',
      properties: [{ name: 'a', dataType: 'text' }],
      multiTenancy: weaviate.configure.multiTenancy({ enabled: true, autoTenantCreation: true }),
    });
    const res = await auto.withTenant('dave').data.insertMany([{ properties: { a: 'x' } }]);
    expect(res.hasErrors).toBe(false);
    expect(Object.keys(await auto.tenants.get())).toEqual(['dave']);
  });

  it('removes tenants with their data and validates tenant names', async () => {
    await tx().withTenant('alice').data.insertMany([{ properties: { user_id: 'a' } }]);
    await tx().tenants.remove('alice');
    expect(Object.keys(await tx().tenants.get())).toEqual(['bob']);
    await tx().tenants.create({ name: 'alice' });
    expect((await tx().withTenant('alice').aggregate.overAll()).totalCount).toBe(0);
    const bad = await h.rest('/v1/schema/Tx/tenants', { method: 'POST', body: [{ name: 'not valid!' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error[0].message).toMatch(/is not a valid tenant name/);
  });
});
