/**
 * One shard = the objects of one class (or of one tenant of a multi-tenant class), with an inverted
 * index per property: index key -> set of docIds, plus the set of docIds where the property is not
 * null. Like Weaviate, every write gives the object a new docId, so "docId order" (the order filtered
 * results come back in) is the order of the last writes, while unfiltered listing is in UUID order.
 */
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { isTextType } from './schema-types';
import { tokenize, type Tokenization } from './tokenize';

export interface StoredObject {
  id: string;
  docId: number;
  className: string;
  tenant: string;
  properties: Record<string, unknown>;
  /** The unnamed (legacy) vector, or null. */
  vector: number[] | null;
  /** Named vectors. */
  vectors: Record<string, number[]>;
  creationTimeUnix: number;
  lastUpdateTimeUnix: number;
}

export class PropertyIndex {
  readonly postings = new Map<unknown, Set<number>>();
  readonly present = new Set<number>();

  add(docId: number, keys: unknown[]): void {
    this.present.add(docId);
    for (const key of keys) {
      let set = this.postings.get(key);
      if (!set) this.postings.set(key, (set = new Set()));
      set.add(docId);
    }
  }

  remove(docId: number, keys: unknown[]): void {
    this.present.delete(docId);
    for (const key of keys) {
      const set = this.postings.get(key);
      if (!set) continue;
      set.delete(docId);
      if (set.size === 0) this.postings.delete(key);
    }
  }
}

/** The index keys of one value: tokens for text, the value itself for numbers/booleans/uuids, ms for dates. */
export function indexKeys(prop: WeaviateProperty, value: unknown): unknown[] {
  const type = prop.dataType[0];
  const values = Array.isArray(value) ? value : [value];
  if (isTextType(type)) {
    const tokenization = (prop.tokenization ?? 'word') as Tokenization;
    const out = new Set<string>();
    for (const v of values) for (const t of tokenize(String(v), tokenization)) out.add(t);
    return [...out];
  }
  switch (type) {
    case 'int':
    case 'int[]':
    case 'number':
    case 'number[]':
    case 'boolean':
    case 'boolean[]':
    case 'uuid':
    case 'uuid[]':
      return [...new Set(values)];
    case 'date':
    case 'date[]':
      return [...new Set(values.map((v) => Date.parse(String(v))))];
    default:
      return [];
  }
}

const isNullValue = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

export class Shard {
  readonly objects = new Map<string, StoredObject>();
  readonly byDoc = new Map<number, StoredObject>();
  private readonly indexes = new Map<string, PropertyIndex>();
  private sortedIds: string[] | null = null;
  private nextDocId = 1;
  /** Bumped on every write or delete; lets query-time statistics be cached until the data changes. */
  version = 0;
  /** Query-time statistics (e.g. BM25 average lengths) keyed by name, valid for one `version`. */
  readonly statsCache = new Map<string, { version: number; value: number }>();
  /** Vector dimensions per target ('' = the unnamed vector), fixed by the first vector written. */
  readonly dimensions = new Map<string, number>();

  constructor(
    readonly className: string,
    readonly tenant: string,
    private readonly schema: () => WeaviateClass,
  ) {}

  get size(): number {
    return this.objects.size;
  }

  private propertyDef(name: string): WeaviateProperty | undefined {
    return this.schema().properties.find((p) => p.name === name);
  }

  index(name: string): PropertyIndex {
    let idx = this.indexes.get(name);
    if (!idx) {
      idx = new PropertyIndex();
      this.indexes.set(name, idx);
    }
    return idx;
  }

  private indexObject(obj: StoredObject, add: boolean): void {
    for (const [name, value] of Object.entries(obj.properties)) {
      if (isNullValue(value)) continue;
      const def = this.propertyDef(name);
      if (!def) continue;
      const keys = indexKeys(def, value);
      if (add) this.index(name).add(obj.docId, keys);
      else this.index(name).remove(obj.docId, keys);
    }
  }

  /** Stores (inserts or replaces) an object; returns the previous version if there was one. */
  put(obj: Omit<StoredObject, 'docId'>): StoredObject | undefined {
    const previous = this.objects.get(obj.id);
    if (previous) {
      this.indexObject(previous, false);
      this.objects.delete(obj.id);
      this.byDoc.delete(previous.docId);
    } else {
      this.sortedIds = null;
    }
    this.version += 1;
    const stored: StoredObject = { ...obj, docId: this.nextDocId++ };
    this.objects.set(stored.id, stored);
    this.byDoc.set(stored.docId, stored);
    this.indexObject(stored, true);
    return previous;
  }

  delete(id: string): boolean {
    const previous = this.objects.get(id);
    if (!previous) return false;
    this.version += 1;
    this.indexObject(previous, false);
    this.objects.delete(id);
    this.byDoc.delete(previous.docId);
    this.sortedIds = null;
    return true;
  }

  get(id: string): StoredObject | undefined {
    return this.objects.get(id);
  }

  /** Object ids in ascending UUID order (cached until the set of ids changes). */
  uuidOrder(): string[] {
    if (!this.sortedIds) this.sortedIds = [...this.objects.keys()].sort();
    return this.sortedIds;
  }

  allDocIds(): Set<number> {
    return new Set(this.byDoc.keys());
  }
}
