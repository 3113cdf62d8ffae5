/** Schema over REST: Weaviate's defaults, name normalisation and the 422s, through the client and raw HTTP. */
import { describe, expect, it } from 'vitest';
import weaviate from 'weaviate-client';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const h = useWeaviateDouble();

const create = (body: unknown) => h.rest('/v1/schema', { method: 'POST', body });

describe('schema defaults', () => {
  it('fills the defaults real Weaviate fills for a class without vectorizer', async () => {
    const res = await create({ class: 'Account', properties: [{ name: 'name', dataType: ['text'] }, { name: 'balance', dataType: ['number'] }] });
    expect(res.status).toBe(200);
    const cls = (await h.rest('/v1/schema/Account')).body;
    expect(cls.vectorizer).toBe('none');
    expect(cls.vectorIndexType).toBe('hnsw');
    expect(cls.vectorIndexConfig).toMatchObject({ distance: 'cosine', ef: -1, efConstruction: 128, maxConnections: 32, skip: false });
    expect(cls.invertedIndexConfig).toMatchObject({ bm25: { b: 0.75, k1: 1.2 }, cleanupIntervalSeconds: 60, stopwords: { preset: 'en' } });
    expect(cls.multiTenancyConfig).toEqual({ enabled: false, autoTenantCreation: false, autoTenantActivation: false });
    expect(cls.replicationConfig).toMatchObject({ factor: 1, asyncEnabled: false });
    expect(cls.shardingConfig).toMatchObject({ desiredCount: 1, actualCount: 1, virtualPerPhysical: 128, key: '_id', strategy: 'hash', function: 'murmur3' });
    expect(cls.properties[0]).toEqual({ name: 'name', dataType: ['text'], tokenization: 'word', indexFilterable: true, indexSearchable: true, indexRangeFilters: false });
    expect(cls.properties[1]).toEqual({ name: 'balance', dataType: ['number'], indexFilterable: true, indexSearchable: false, indexRangeFilters: false });
  });

  it('parses with the client for every property type the console writes, and keeps given settings', async () => {
    const col = await h.client.collections.create({
      name: 'UserProfile',
      description: 'profiles',
      properties: [
        { name: 'user_id', dataType: 'text', tokenization: 'field' },
        { name: 'savings_rate', dataType: 'number', indexRangeFilters: true },
        { name: 'active', dataType: 'boolean' },
        { name: 'financial_goals', dataType: 'text[]' },
        { name: 'visits', dataType: 'int' },
        { name: 'born', dataType: 'date' },
      ],
      invertedIndex: { indexNullState: true, indexTimestamps: true },
      vectorizers: weaviate.configure.vectors.selfProvided(),
    });
    const cfg = await col.config.get();
    expect(cfg.description).toBe('profiles');
    expect(cfg.invertedIndex.indexNullState).toBe(true);
    expect(cfg.invertedIndex.indexTimestamps).toBe(true);
    expect(cfg.vectorizers.default.vectorizer.name).toBe('none');
    expect(cfg.properties.map((p) => [p.name, p.dataType, p.tokenization])).toEqual([
      ['user_id', 'text', 'field'],
      ['savings_rate', 'number', 'none'],
      ['active', 'boolean', 'none'],
      ['financial_goals', 'text[]', 'word'],
      ['visits', 'int', 'none'],
      ['born', 'date', 'none'],
    ]);
    expect(cfg.properties[1].indexRangeFilters).toBe(true);
  });

  it('parses a multi-tenant class, whose sharding config is empty', async () => {
    const col = await h.client.collections.create({ name: 'Tx', multiTenancy: weaviate.configure.multiTenancy({ enabled: true }) });
    const cfg = await col.config.get();
    expect(cfg.multiTenancy.enabled).toBe(true);
    expect(cfg.sharding).toMatchObject({ desiredCount: 0, key: '', strategy: '' });
  });
});

describe('names', () => {
  it('capitalises class names and lower-cases the first letter of property names', async () => {
    const res = await create({ class: 'transaction', properties: [{ name: 'Amount', dataType: ['number'] }] });
    expect(res.status).toBe(200);
    expect(res.body.class).toBe('Transaction');
    expect(res.body.properties[0].name).toBe('amount');
    expect((await h.rest('/v1/schema/transaction')).body.class).toBe('Transaction');
  });

  it.each([
    [{ class: 'Account' }, /class name Account already exists/],
    [{ class: 'ACCOUNT' }, /already exists/],
    [{ class: 'Bad-Name' }, /'Bad-Name' is not a valid class name/],
    [{ class: 'X', properties: [{ name: 'id', dataType: ['text'] }] }, /'id' is a reserved property name/],
    [{ class: 'X', properties: [{ name: '_additional', dataType: ['text'] }] }, /reserved property name/],
    [{ class: 'X', properties: [{ name: 'bad name', dataType: ['text'] }] }, /'bad name' is not a valid property name/],
    [{ class: 'X', properties: [{ name: 'a', dataType: ['money'] }] }, /invalid dataType/],
    [{ class: 'X', properties: [{ name: 'a', dataType: ['Nowhere'] }] }, /nonexistent class/],
    [{ class: 'X', properties: [{ name: 'a', dataType: ['text'] }, { name: 'A', dataType: ['int'] }] }, /already in use or provided multiple times/],
    [{ class: 'X', properties: [{ name: 'a', dataType: ['int'], tokenization: 'word' }] }, /tokenization is not allowed/],
    [{ class: 'X', properties: [{ name: 'a', dataType: ['text'], tokenization: 'gse' }] }, /not enabled/],
    [{ class: 'X', vectorizer: 'text2vec-openai' }, /no module with name "text2vec-openai" present/],
  ])('refuses %j with 422', async (body, message) => {
    await create({ class: 'Account' });
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(res.body.error[0].message).toMatch(message);
  });

  it('surfaces a 422 through the client as an error naming the problem', async () => {
    await expect(h.client.collections.create({ name: 'Y', properties: [{ name: 'id', dataType: 'text' }] })).rejects.toThrow(/reserved property name/);
  });
});

describe('class lifecycle', () => {
  it('returns 404 for a missing class and succeeds deleting one', async () => {
    expect((await h.rest('/v1/schema/Missing')).status).toBe(404);
    expect((await h.rest('/v1/schema/Missing', { method: 'DELETE' })).status).toBe(200);
    expect(await h.client.collections.exists('Missing')).toBe(false);
  });

  it('deletes a class with its objects', async () => {
    const col = await h.client.collections.create({ name: 'Gone', properties: [{ name: 'a', dataType: 'text' }] });
    await col.data.insert({ a: 'x' });
    await h.client.collections.delete('Gone');
    expect(await h.client.collections.exists('Gone')).toBe(false);
    await h.client.collections.create({ name: 'Gone', properties: [{ name: 'a', dataType: 'text' }] });
    expect((await h.client.collections.get('Gone').aggregate.overAll()).totalCount).toBe(0);
  });

  it('adds a property with defaults, refusing a duplicate', async () => {
    const col = await h.client.collections.create({ name: 'Account', properties: [{ name: 'name', dataType: 'text' }] });
    await col.config.addProperty({ name: 'currency', dataType: 'text' });
    const cfg = await col.config.get();
    expect(cfg.properties.find((p) => p.name === 'currency')).toMatchObject({ tokenization: 'word', indexFilterable: true });
    const dup = await h.rest('/v1/schema/Account/properties', { method: 'POST', body: { name: 'Name', dataType: ['text'] } });
    expect(dup.status).toBe(422);
    expect(dup.body.error[0].message).toMatch(/conflict for property "Name"|conflict for property "name"/);
  });

  it('updates mutable settings with PUT and refuses property changes', async () => {
    await create({ class: 'Account', properties: [{ name: 'name', dataType: ['text'] }] });
    const current = (await h.rest('/v1/schema/Account')).body;
    const ok = await h.rest('/v1/schema/Account', { method: 'PUT', body: { ...current, description: 'bank accounts' } });
    expect(ok.status).toBe(200);
    expect((await h.rest('/v1/schema/Account')).body.description).toBe('bank accounts');
    const bad = await h.rest('/v1/schema/Account', { method: 'PUT', body: { ...current, properties: [] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error[0].message).toMatch(/properties cannot be updated/);
  });

  it('lists every class', async () => {
    await create({ class: 'A' });
    await create({ class: 'B' });
    const res = await h.rest('/v1/schema');
    expect(res.body.classes.map((c: { class: string }) => c.class)).toEqual(['A', 'B']);
  });
});
