/** Single objects over REST: create/read/replace/merge/delete/exists with Weaviate's statuses and validation. */
import { beforeEach, describe, expect, it } from 'vitest';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const h = useWeaviateDouble();
const ID = '6f1c6e7e-3d0a-4c4e-9d6e-0b1f7e2d9a10';
const OTHER = '0b6f3d52-8a4f-4b8e-9a2b-5f0d3c1e7a22';

beforeEach(async () => {
  await h.client.collections.create({
    name: 'Account',
    properties: [
      { name: 'name', dataType: 'text' },
      { name: 'balance', dataType: 'number' },
      { name: 'visits', dataType: 'int' },
      { name: 'opened', dataType: 'date' },
      { name: 'closed', dataType: 'boolean' },
      { name: 'tags', dataType: 'text[]' },
    ],
  });
});

const post = (body: unknown) => h.rest('/v1/objects', { method: 'POST', body });

describe('create and read', () => {
  it('stores an object and returns it with timestamps', async () => {
    const res = await post({ class: 'Account', id: ID, properties: { name: 'Checking', balance: 10.5, visits: 3, opened: '2024-01-02T03:04:05Z', closed: false, tags: ['a'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ class: 'Account', id: ID, properties: { name: 'Checking', balance: 10.5 } });
    const got = await h.rest(`/v1/objects/Account/${ID}`);
    expect(got.status).toBe(200);
    expect(got.body.properties).toEqual({ name: 'Checking', balance: 10.5, visits: 3, opened: '2024-01-02T03:04:05Z', closed: false, tags: ['a'] });
    expect(got.body.creationTimeUnix).toBe(got.body.lastUpdateTimeUnix);
    const viaClient = await h.client.collections.get('Account').query.fetchObjectById(ID);
    expect(viaClient?.properties.opened).toEqual(new Date('2024-01-02T03:04:05Z'));
  });

  it('inserts through the client and generates an id when none is given', async () => {
    const id = await h.client.collections.get('Account').data.insert({ name: 'Savings' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await h.rest(`/v1/objects/Account/${id}`)).body.properties.name).toBe('Savings');
  });

  it('answers 404 without a body for a missing object and 204/404 for HEAD', async () => {
    const missing = await h.rest(`/v1/objects/Account/${OTHER}`);
    expect(missing).toEqual({ status: 404, body: undefined });
    await post({ class: 'Account', id: ID, properties: {} });
    expect((await fetch(`${h.double.httpUrl}/v1/objects/Account/${ID}`, { method: 'HEAD' })).status).toBe(204);
    expect((await fetch(`${h.double.httpUrl}/v1/objects/Account/${OTHER}`, { method: 'HEAD' })).status).toBe(404);
    expect(await h.client.collections.get('Account').data.exists(ID)).toBe(true);
  });

  it('returns the vector only with include=vector', async () => {
    await post({ class: 'Account', id: ID, properties: {}, vector: [0.5, 0.25] });
    expect((await h.rest(`/v1/objects/Account/${ID}`)).body.vector).toBeUndefined();
    expect((await h.rest(`/v1/objects/Account/${ID}?include=vector`)).body.vector).toEqual([0.5, 0.25]);
  });
});

describe('validation', () => {
  it.each([
    [{ class: 'Account', id: 'not-a-uuid', properties: {} }, /id in body must be of type uuid/],
    [{ class: 'Account', properties: { balance: 'lots' } }, /invalid number property 'balance' on class 'Account': requires a float/],
    [{ class: 'Account', properties: { visits: 1.5 } }, /invalid integer property 'visits' on class 'Account': requires an integer/],
    [{ class: 'Account', properties: { opened: '2024-01-02' } }, /invalid date property 'opened'.*RFC3339/],
    [{ class: 'Account', properties: { name: 12 } }, /invalid text property 'name' on class 'Account': not a string/],
    [{ class: 'Account', properties: { closed: 'no' } }, /invalid boolean property 'closed'/],
    [{ class: 'Account', properties: { tags: 'a' } }, /invalid text array property 'tags'/],
  ])('refuses %j with 422', async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.error[0].message).toMatch(message);
  });

  it('refuses an id that already exists', async () => {
    await post({ class: 'Account', id: ID, properties: {} });
    const res = await post({ class: 'Account', id: ID, properties: {} });
    expect(res.status).toBe(422);
    expect(res.body.error[0].message).toBe(`id '${ID}' already exists`);
  });

  it('refuses a malformed id in the path', async () => {
    const res = await h.rest('/v1/objects/Account/xyz');
    expect(res.status).toBe(422);
    expect(res.body.error[0].message).toMatch(/must be of type uuid/);
  });

  it('creates unknown classes and properties by auto-schema, as Weaviate does by default', async () => {
    const res = await post({ class: 'note', properties: { text: 'hi', count: 2, done: true, labels: ['x'], at: '2024-05-06T07:08:09Z' } });
    expect(res.status).toBe(200);
    const cls = (await h.rest('/v1/schema/Note')).body;
    expect(Object.fromEntries(cls.properties.map((p: { name: string; dataType: string[] }) => [p.name, p.dataType[0]]))).toEqual({
      text: 'text',
      count: 'number',
      done: 'boolean',
      labels: 'text[]',
      at: 'date',
    });
  });
});

describe('replace, merge and delete', () => {
  beforeEach(async () => {
    await post({ class: 'Account', id: ID, properties: { name: 'Checking', balance: 1 } });
  });

  it('replaces with PUT (unset properties disappear) and keeps the creation time', async () => {
    const before = (await h.rest(`/v1/objects/Account/${ID}`)).body;
    const res = await h.rest(`/v1/objects/Account/${ID}`, { method: 'PUT', body: { class: 'Account', id: ID, properties: { balance: 2 } } });
    expect(res.status).toBe(200);
    const after = (await h.rest(`/v1/objects/Account/${ID}`)).body;
    expect(after.properties).toEqual({ balance: 2 });
    expect(after.creationTimeUnix).toBe(before.creationTimeUnix);
  });

  it('merges with PATCH and answers 204', async () => {
    const res = await h.rest(`/v1/objects/Account/${ID}`, { method: 'PATCH', body: { class: 'Account', properties: { balance: 3 } } });
    expect(res.status).toBe(204);
    expect((await h.rest(`/v1/objects/Account/${ID}`)).body.properties).toEqual({ name: 'Checking', balance: 3 });
  });

  it('answers 404 to PUT and PATCH of a missing object', async () => {
    expect((await h.rest(`/v1/objects/Account/${OTHER}`, { method: 'PUT', body: { class: 'Account', properties: {} } })).status).toBe(404);
    expect((await h.rest(`/v1/objects/Account/${OTHER}`, { method: 'PATCH', body: { class: 'Account', properties: {} } })).status).toBe(404);
  });

  it('deletes with 204, also when the object does not exist', async () => {
    expect((await h.rest(`/v1/objects/Account/${ID}`, { method: 'DELETE' })).status).toBe(204);
    expect((await h.rest(`/v1/objects/Account/${ID}`)).status).toBe(404);
    expect((await h.rest(`/v1/objects/Account/${ID}`, { method: 'DELETE' })).status).toBe(204);
    expect(await h.client.collections.get('Account').data.deleteById(OTHER)).toBe(true);
  });
});
