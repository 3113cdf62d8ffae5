/** Search filters through the client: every operator, tokenization semantics, ids, and the refusals. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Collection, FilterValue } from 'weaviate-client';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const h = useWeaviateDouble({ resetEachTest: false });
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const rows = [
  { n: 1, merchant: 'Blue Bottle Coffee', code: 'Blue Bottle', amount: 4.5, visits: 1, pending: true, category: ['Food', 'Coffee'], date: '2024-01-01T00:00:00Z' },
  { n: 2, merchant: 'The Coffee Shop', code: 'coffee shop', amount: 12, visits: 2, pending: false, category: ['Food'], date: '2024-02-01T00:00:00Z' },
  { n: 3, merchant: 'Shell', code: 'Shell', amount: 40, visits: 3, pending: false, category: ['Travel', 'Gas'], date: '2024-03-01T00:00:00Z' },
  { n: 4, merchant: 'Bottle Shop', code: 'Bottle Shop', amount: -20, visits: 4, pending: true, category: [], date: '2024-04-01T00:00:00Z' },
  { n: 5, merchant: null, code: null, amount: null, visits: 5, pending: false, category: ['Gas'], date: '2024-05-01T00:00:00Z' },
];

let col: Collection;
const ids = (res: { objects: Array<{ uuid: string }> }) => res.objects.map((o) => Number(o.uuid.slice(-12))).sort((a, b) => a - b);
const where = async (filters: FilterValue) => ids(await col.query.fetchObjects({ filters, limit: 100 }));
const f = () => col.filter;

beforeAll(async () => {
  col = await h.client.collections.create({
    name: 'Tx',
    properties: [
      { name: 'merchant', dataType: 'text' },
      { name: 'code', dataType: 'text', tokenization: 'field' },
      { name: 'amount', dataType: 'number' },
      { name: 'visits', dataType: 'int' },
      { name: 'pending', dataType: 'boolean' },
      { name: 'category', dataType: 'text[]' },
      { name: 'date', dataType: 'date' },
      { name: 'hidden', dataType: 'text', indexFilterable: false, indexSearchable: false },
    ],
    invertedIndex: { indexNullState: true, indexTimestamps: true, indexPropertyLength: true },
  });
  const res = await col.data.insertMany(
    rows.map(({ n, ...p }) => ({
      id: uuid(n),
      properties: Object.fromEntries(Object.entries({ ...p, date: new Date(p.date) }).filter(([, v]) => v !== null)),
    })),
  );
  expect(res.hasErrors).toBe(false);
});

describe('comparison operators', () => {
  it('Equal on word-tokenized text matches every token, case-insensitively', async () => {
    expect(await where(f().byProperty('merchant').equal('coffee'))).toEqual([1, 2]);
    expect(await where(f().byProperty('merchant').equal('COFFEE shop'))).toEqual([2]);
    expect(await where(f().byProperty('merchant').equal('bottle'))).toEqual([1, 4]);
  });

  it('Equal on field-tokenized text matches the whole trimmed value, case-sensitively', async () => {
    expect(await where(f().byProperty('code').equal('Blue Bottle'))).toEqual([1]);
    expect(await where(f().byProperty('code').equal('Bottle'))).toEqual([]);
    expect(await where(f().byProperty('code').equal('coffee shop'))).toEqual([2]);
    expect(await where(f().byProperty('code').equal('Coffee Shop'))).toEqual([]);
  });

  it('skips stopwords in word-tokenized filters and refuses a value made only of stopwords', async () => {
    expect(await where(f().byProperty('merchant').equal('the shop'))).toEqual([2, 4]);
    await expect(where(f().byProperty('merchant').equal('the'))).rejects.toThrow(/only stopwords provided/);
  });

  it('NotEqual is everything but Equal, objects without the property included', async () => {
    expect(await where(f().byProperty('merchant').notEqual('coffee'))).toEqual([3, 4, 5]);
    expect(await where(f().byProperty('pending').notEqual(true))).toEqual([2, 3, 5]);
  });

  it('compares numbers, ints and dates', async () => {
    expect(await where(f().byProperty('amount').greaterThan(4.5))).toEqual([2, 3]);
    expect(await where(f().byProperty('amount').greaterOrEqual(4.5))).toEqual([1, 2, 3]);
    expect(await where(f().byProperty('amount').lessThan(0))).toEqual([4]);
    expect(await where(f().byProperty('amount').lessOrEqual(12))).toEqual([1, 2, 4]);
    expect(await where(f().byProperty('amount').equal(12))).toEqual([2]);
    expect(await where(f().byProperty('visits').greaterThan(3))).toEqual([4, 5]);
    expect(await where(f().byProperty('date').greaterOrEqual(new Date('2024-03-01T00:00:00Z')))).toEqual([3, 4, 5]);
    expect(await where(f().byProperty('pending').equal(true))).toEqual([1, 4]);
  });

  it('Like matches tokens with * and ?', async () => {
    expect(await where(f().byProperty('merchant').like('cof*'))).toEqual([1, 2]);
    expect(await where(f().byProperty('merchant').like('sh?ll'))).toEqual([3]);
    expect(await where(f().byProperty('code').like('*Shop'))).toEqual([4]);
    expect(await where(f().byProperty('merchant').like('blue bot*'))).toEqual([1]);
  });

  it('ContainsAny / ContainsAll / ContainsNone on text arrays', async () => {
    expect(await where(f().byProperty('category').containsAny(['Gas', 'Coffee']))).toEqual([1, 3, 5]);
    expect(await where(f().byProperty('category').containsAll(['Food', 'Coffee']))).toEqual([1]);
    expect(await where(f().byProperty('category').containsNone(['Food']))).toEqual([3, 4, 5]);
    expect(await where(f().byProperty('category').equal('food'))).toEqual([1, 2]);
  });

  it('IsNull finds missing values and empty arrays', async () => {
    expect(await where(f().byProperty('merchant').isNull(true))).toEqual([5]);
    expect(await where(f().byProperty('category').isNull(true))).toEqual([4]);
    expect(await where(f().byProperty('amount').isNull(false))).toEqual([1, 2, 3, 4]);
  });

  it('combines with And, Or and Not', async () => {
    const { Filters } = await import('weaviate-client');
    expect(await where(Filters.and(f().byProperty('pending').equal(true), f().byProperty('amount').greaterThan(0)))).toEqual([1]);
    expect(await where(Filters.or(f().byProperty('merchant').equal('shell'), f().byProperty('visits').equal(5)))).toEqual([3, 5]);
    expect(await where(Filters.not(f().byProperty('pending').equal(true)))).toEqual([2, 3, 5]);
  });

  it('filters on the object id, creation time and property length', async () => {
    expect(await where(f().byId().equal(uuid(3)))).toEqual([3]);
    expect(await where(f().byId().containsAny([uuid(1), uuid(5)]))).toEqual([1, 5]);
    expect(await where(f().byId().notEqual(uuid(1)))).toEqual([2, 3, 4, 5]);
    expect(await where(f().byCreationTime().greaterThan(new Date(0)))).toEqual([1, 2, 3, 4, 5]);
    expect(await where(f().byProperty('merchant', true).greaterThan(11))).toEqual([1, 2]);
  });

  it('counts with the same filters through Aggregate', async () => {
    const agg = await col.aggregate.overAll({ filters: f().byProperty('category').containsAny(['Gas']) });
    expect(agg.totalCount).toBe(2);
  });
});

describe('refusals', () => {
  it('refuses an unknown property', async () => {
    await expect(where(f().byProperty('nope').equal('x'))).rejects.toThrow(/no such prop with name 'nope' found in class 'Tx'/);
  });

  it('refuses a property without an inverted index', async () => {
    await expect(where(f().byProperty('hidden').equal('x'))).rejects.toThrow(/Filtering by property 'hidden' requires inverted index/);
  });

  it('refuses a value of the wrong type', async () => {
    await expect(where(f().byProperty('pending').equal('yes' as unknown as boolean))).rejects.toThrow(/data type filter cannot use "valueText" on type "boolean", use "valueBoolean" instead/);
    await expect(where(f().byProperty('visits').equal(1.5))).rejects.toThrow(/not an integer/);
  });

  it('refuses an unknown collection instead of answering empty', async () => {
    await expect(h.client.collections.get('Nope').query.fetchObjects()).rejects.toThrow(/could not find class Nope in schema/);
    await expect(h.client.collections.get('Nope').aggregate.overAll()).rejects.toThrow(/could not find class Nope/);
  });
});

describe('without null-state, timestamp and length indexes', () => {
  it('refuses IsNull, time and length filters the way Weaviate does', async () => {
    const plain = await h.client.collections.create({ name: 'Plain', properties: [{ name: 'a', dataType: 'text' }] });
    await expect(plain.query.fetchObjects({ filters: plain.filter.byProperty('a').isNull(true) })).rejects.toThrow(/Nullstate must be indexed/);
    await expect(plain.query.fetchObjects({ filters: plain.filter.byCreationTime().greaterThan(new Date(0)) })).rejects.toThrow(/Timestamps must be indexed/);
    await expect(plain.query.fetchObjects({ filters: plain.filter.byProperty('a', true).equal(1) })).rejects.toThrow(/Property length must be indexed/);
  });
});
