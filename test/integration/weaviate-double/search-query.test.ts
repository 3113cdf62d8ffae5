/** Search shapes: limits, offset, cursor, sort, returned properties/metadata, nearVector, bm25, hybrid. */
import { beforeAll, describe, expect, it } from 'vitest';
import weaviate, { type Collection } from 'weaviate-client';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';
import { rawGrpc } from '../../support/weaviate-double/raw-grpc';

const h = useWeaviateDouble({ resetEachTest: false });
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const num = (o: { uuid: string }) => Number(o.uuid.slice(-12));

type Doc = { title: string; amount: number; note?: string };
let col: Collection<Doc>;

const docs = [
  { n: 1, title: 'Coffee at Blue Bottle', amount: 4.5, vector: [1, 0, 0] },
  { n: 2, title: 'Coffee beans and coffee filters', amount: 30, vector: [0.9, 0.1, 0] },
  { n: 3, title: 'Gas station', amount: 40, vector: [0, 1, 0] },
  { n: 4, title: 'Groceries', amount: 80, vector: [0, 0.8, 0.6] },
  { n: 5, title: 'Rent', amount: 1200, vector: [0, 0, 1] },
];

beforeAll(async () => {
  col = await h.client.collections.create<Doc>({
    name: 'Doc',
    properties: [
      { name: 'title', dataType: 'text' },
      { name: 'amount', dataType: 'number' },
      { name: 'note', dataType: 'text' },
    ],
  });
  // 25 filler objects (no vector) after the five documents, for paging tests.
  const filler = Array.from({ length: 25 }, (_, i) => ({ id: uuid(100 + i), properties: { title: `filler ${i}`, amount: i } }));
  const res = await col.data.insertMany([...docs.map((d) => ({ id: uuid(d.n), properties: { title: d.title, amount: d.amount }, vectors: d.vector })), ...filler]);
  expect(res.hasErrors).toBe(false);
});

describe('paging', () => {
  it('returns 10 objects when no limit is given, in uuid order without filters', async () => {
    const res = await col.query.fetchObjects();
    expect(res.objects.map(num)).toEqual([1, 2, 3, 4, 5, 100, 101, 102, 103, 104]);
  });

  it('applies limit and offset', async () => {
    const res = await col.query.fetchObjects({ limit: 3, offset: 4 });
    expect(res.objects.map(num)).toEqual([5, 100, 101]);
  });

  it('refuses offset + limit beyond QUERY_MAXIMUM_RESULTS (10,000)', async () => {
    await expect(col.query.fetchObjects({ limit: 9_999, offset: 2 })).rejects.toThrow(/query maximum results exceeded/);
  });

  it('walks with the after cursor and refuses it together with filters, sort or offset', async () => {
    const res = await col.query.fetchObjects({ after: uuid(104), limit: 3 });
    expect(res.objects.map(num)).toEqual([105, 106, 107]);
    await expect(col.query.fetchObjects({ after: uuid(1), filters: col.filter.byProperty('amount').greaterThan(1) })).rejects.toThrow(/where cannot be set with after and limit parameters/);
    await expect(col.query.fetchObjects({ after: uuid(1), sort: col.sort.byProperty('amount') })).rejects.toThrow(/sort cannot be set with after/);
    await expect(col.query.fetchObjects({ after: uuid(1), offset: 1 })).rejects.toThrow(/offset cannot be set with after/);
  });
});

describe('sort', () => {
  it('sorts by a property ascending and descending, then by more keys', async () => {
    const asc = await col.query.fetchObjects({ sort: col.sort.byProperty('amount'), limit: 3, filters: col.filter.byProperty('amount').greaterThan(25) });
    expect(asc.objects.map((o) => o.properties.amount)).toEqual([30, 40, 80]);
    const desc = await col.query.fetchObjects({ sort: col.sort.byProperty('amount', false), limit: 2 });
    expect(desc.objects.map((o) => o.properties.amount)).toEqual([1200, 80]);
    const byTitle = await col.query.fetchObjects({ sort: col.sort.byProperty('title').byProperty('amount'), limit: 2 });
    expect(byTitle.objects.map((o) => o.properties.title)).toEqual(['Coffee at Blue Bottle', 'Coffee beans and coffee filters']);
  });

  it('compares text case-insensitively, like Weaviate\'s sorter', async () => {
    const res = await col.query.fetchObjects({ sort: col.sort.byProperty('title'), limit: 4 });
    expect(res.objects.map((o) => o.properties.title)).toEqual(['Coffee at Blue Bottle', 'Coffee beans and coffee filters', 'filler 0', 'filler 1']);
  });

  it('refuses sorting by an unknown property', async () => {
    await expect(col.query.fetchObjects({ sort: col.sort.byProperty('nope' as 'title') })).rejects.toThrow(/no such prop with name 'nope'/);
  });
});

describe('returned properties and metadata', () => {
  it('returns only the requested properties, with null for a requested property the object lacks', async () => {
    const obj = await col.query.fetchObjectById(uuid(1), { returnProperties: ['title', 'note'] });
    expect(obj?.properties).toEqual({ title: 'Coffee at Blue Bottle', note: undefined });
    expect(Object.keys(obj!.properties)).toEqual(['title', 'note']);
  });

  it('returns creation and update times and the vector only on request', async () => {
    const plain = await col.query.fetchObjectById(uuid(1));
    expect(plain?.vectors).toEqual({});
    const rich = await col.query.fetchObjects({ limit: 1, includeVector: true, returnMetadata: ['creationTime', 'updateTime'] });
    expect(rich.objects[0].metadata?.creationTime).toBeInstanceOf(Date);
    expect(rich.objects[0].metadata?.updateTime).toBeInstanceOf(Date);
    expect(rich.objects[0].vectors.default).toEqual([1, 0, 0]);
  });

  it('refuses an unknown property to return', async () => {
    await expect(col.query.fetchObjects({ returnProperties: ['nope' as 'title'] })).rejects.toThrow(/nope/);
  });
});

describe('nearVector', () => {
  it('orders by cosine distance and reports distance and certainty', async () => {
    const res = await col.query.nearVector([1, 0, 0], { limit: 3, returnMetadata: ['distance', 'certainty'] });
    expect(res.objects.map(num)).toEqual([1, 2, 3]);
    expect(res.objects[0].metadata?.distance).toBeCloseTo(0, 5);
    expect(res.objects[1].metadata?.distance).toBeCloseTo(1 - 0.9 / Math.sqrt(0.82), 5);
    expect(res.objects[0].metadata?.certainty).toBeCloseTo(1, 5);
  });

  it('cuts off at a distance threshold and applies filters', async () => {
    const near = await col.query.nearVector([1, 0, 0], { distance: 0.1 });
    expect(near.objects.map(num)).toEqual([1, 2]);
    const filtered = await col.query.nearVector([1, 0, 0], { filters: col.filter.byProperty('amount').greaterThan(10), limit: 2 });
    expect(filtered.objects.map(num)).toEqual([2, 3]);
  });

  it('searches a named vector of a collection with several', async () => {
    const named = await h.client.collections.create({
      name: 'Named',
      properties: [{ name: 'title', dataType: 'text' }],
      vectorizers: [weaviate.configure.vectors.selfProvided({ name: 'a' }), weaviate.configure.vectors.selfProvided({ name: 'b' })],
    });
    await named.data.insertMany([
      { id: uuid(1), properties: { title: 'x' }, vectors: { a: [1, 0], b: [0, 1] } },
      { id: uuid(2), properties: { title: 'y' }, vectors: { a: [0, 1], b: [1, 0] } },
    ]);
    const byA = await named.query.nearVector([1, 0], { targetVector: 'a', limit: 1 });
    const byB = await named.query.nearVector([1, 0], { targetVector: 'b', limit: 1, includeVector: ['b'] });
    expect(byA.objects.map(num)).toEqual([1]);
    expect(byB.objects.map(num)).toEqual([2]);
    expect(byB.objects[0].vectors.b).toEqual([1, 0]);
  });
});

describe('bm25 and hybrid', () => {
  it('ranks by BM25 with case-insensitive tokens, best first', async () => {
    const res = await col.query.bm25('COFFEE', { returnMetadata: ['score'] });
    expect(res.objects.map(num)).toEqual([2, 1]);
    expect(res.objects[0].metadata!.score!).toBeGreaterThan(res.objects[1].metadata!.score!);
  });

  it('scores with Weaviate\'s BM25 formula (k1 1.2, b 0.75)', async () => {
    const kw = await h.client.collections.create({ name: 'Kw', properties: [{ name: 'text', dataType: 'text' }] });
    await kw.data.insertMany([
      { id: uuid(1), properties: { text: 'coffee' } },
      { id: uuid(2), properties: { text: 'tea coffee coffee' } },
      { id: uuid(3), properties: { text: 'tea' } },
    ]);
    const res = await kw.query.bm25('coffee', { returnMetadata: ['score'] });
    // N = 3, df = 2, average length 5/3: idf = ln(1.6); tf / (tf + 1.2 (0.25 + 0.75 len / avg)).
    const idf = Math.log(1.6);
    expect(res.objects.map(num)).toEqual([1, 2]);
    expect(res.objects[0].metadata?.score).toBeCloseTo(idf * (1 / (1 + 0.84)), 5);
    expect(res.objects[1].metadata?.score).toBeCloseTo(idf * (2 / (2 + 1.92)), 5);
  });

  it('restricts to query properties and filters', async () => {
    expect((await col.query.bm25('coffee', { queryProperties: ['note'] })).objects).toHaveLength(0);
    const filtered = await col.query.bm25('coffee', { filters: col.filter.byProperty('amount').lessThan(10) });
    expect(filtered.objects.map(num)).toEqual([1]);
  });

  it('fuses keyword and vector scores with a supplied vector', async () => {
    const keywordOnly = await col.query.hybrid('gas', { alpha: 0, vector: [0, 0, 1], limit: 1 });
    expect(keywordOnly.objects.map(num)).toEqual([3]);
    const vectorOnly = await col.query.hybrid('gas', { alpha: 1, vector: [0, 0, 1], limit: 1 });
    expect(vectorOnly.objects.map(num)).toEqual([5]);
    const both = await col.query.hybrid('groceries', { alpha: 0.5, vector: [0, 0, 1], limit: 2, returnMetadata: ['score'] });
    expect(both.objects.map(num)).toEqual([4, 5]);
  });

  it('refuses hybrid without a vector when the collection has no vectorizer', async () => {
    await expect(col.query.hybrid('gas', { alpha: 0.5 })).rejects.toThrow(/no vectorizer/);
  });

  it('refuses nearText: no modules are enabled', async () => {
    await expect(col.query.nearText('coffee')).rejects.toThrow(/vectorizer module/);
  });
});

describe('raw gRPC', () => {
  it('reports errors with status UNKNOWN, as Weaviate does', async () => {
    const grpc = rawGrpc(h.double);
    try {
      await expect(grpc.client.search({ collection: 'Nope', uses127Api: true })).rejects.toMatchObject({ code: 2 });
    } finally {
      grpc.close();
    }
  });
});
