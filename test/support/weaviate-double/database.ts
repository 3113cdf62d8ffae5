/**
 * The in-memory state of the whole server: classes (schema), tenants and shards. Everything that
 * resolves "which class, which tenant, which shard" and refuses the way Weaviate does lives here.
 */
import { notFound, unprocessable } from './errors';
import { classDefaults, isPlainObject, mergeDefaults } from './schema-defaults';
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { normaliseProperty, upperFirst, validateClassBody } from './schema-validation';
import { Shard } from './shard';

export type TenantStatus = 'ACTIVE' | 'INACTIVE' | 'OFFLOADED';

interface ClassState {
  schema: WeaviateClass;
  tenants: Map<string, TenantStatus>;
  shards: Map<string, Shard>;
}

const TENANT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export interface DatabaseOptions {
  /** Modules the server pretends to have (none by default, like a bare Weaviate). */
  enabledModules?: string[];
  /** Weaviate's AUTOSCHEMA_ENABLED, on by default. */
  autoSchema?: boolean;
}

export class Database {
  private readonly classes = new Map<string, ClassState>();
  readonly enabledModules: ReadonlySet<string>;
  readonly autoSchema: boolean;

  constructor(options: DatabaseOptions = {}) {
    this.enabledModules = new Set(options.enabledModules ?? []);
    this.autoSchema = options.autoSchema ?? true;
  }

  reset(): void {
    this.classes.clear();
  }

  // ---- schema ----

  private state(name: string): ClassState | undefined {
    return this.classes.get(upperFirst(name));
  }

  hasClass(name: string): boolean {
    return this.state(name) !== undefined;
  }

  /** Any class whose name equals `name` ignoring case (Weaviate refuses such near-duplicates). */
  private hasClassIgnoringCase(name: string): boolean {
    const lower = name.toLowerCase();
    for (const key of this.classes.keys()) if (key.toLowerCase() === lower) return true;
    return false;
  }

  getClass(name: string): WeaviateClass | undefined {
    return this.state(name)?.schema;
  }

  /** The class or a refusal naming it, for every data path (search, batch, aggregate...). */
  requireClass(name: string): WeaviateClass {
    const cls = this.getClass(name);
    if (!cls) throw notFound(`could not find class ${name} in schema`);
    return cls;
  }

  listClasses(): WeaviateClass[] {
    return [...this.classes.values()].map((s) => s.schema);
  }

  createClass(body: unknown): WeaviateClass {
    const validated = validateClassBody(body, (n) => this.hasClassIgnoringCase(n), this.enabledModules);
    const schema = classDefaults(validated);
    this.classes.set(schema.class, { schema, tenants: new Map(), shards: new Map() });
    return schema;
  }

  deleteClass(name: string): void {
    this.classes.delete(upperFirst(name));
  }

  /** PUT /v1/schema/{class}: only settings Weaviate lets you change; properties must stay as they are. */
  updateClass(name: string, body: unknown): WeaviateClass {
    const state = this.state(name);
    if (!state) throw notFound(`class '${name}' not found`);
    if (!isPlainObject(body)) throw unprocessable('class body must be a JSON object');
    const given = body as Partial<WeaviateClass>;
    if (given.class !== undefined && upperFirst(String(given.class)) !== state.schema.class) {
      throw unprocessable(`class name is immutable: attempted change from "${state.schema.class}" to "${given.class}"`);
    }
    if (given.properties !== undefined) {
      const current = state.schema.properties.map((p) => `${p.name}:${p.dataType.join(',')}`).sort();
      const next = (given.properties as WeaviateProperty[])
        .map((p) => `${p.name}:${(p.dataType ?? []).join(',')}`)
        .sort();
      if (current.join('|') !== next.join('|')) {
        throw unprocessable('properties cannot be updated through updating the class. Use the add property feature (e.g. "POST /v1/schema/{className}/properties") to add additional properties');
      }
    }
    if (given.multiTenancyConfig && given.multiTenancyConfig.enabled !== state.schema.multiTenancyConfig.enabled) {
      throw unprocessable('enabling or disabling multi-tenancy for an existing class is not supported');
    }
    const next = { ...state.schema };
    if (given.description !== undefined) next.description = given.description;
    if (given.invertedIndexConfig) {
      next.invertedIndexConfig = mergeDefaults(next.invertedIndexConfig, given.invertedIndexConfig) as WeaviateClass['invertedIndexConfig'];
    }
    if (given.replicationConfig) next.replicationConfig = mergeDefaults(next.replicationConfig, given.replicationConfig);
    if (given.multiTenancyConfig) {
      next.multiTenancyConfig = { ...next.multiTenancyConfig, ...given.multiTenancyConfig };
    }
    if (given.vectorIndexConfig && next.vectorIndexConfig) {
      next.vectorIndexConfig = mergeDefaults(next.vectorIndexConfig, given.vectorIndexConfig);
    }
    state.schema = next;
    return next;
  }

  addProperty(className: string, body: unknown): WeaviateProperty {
    const state = this.state(className);
    if (!state) throw notFound(`class '${className}' not found`);
    const prop = normaliseProperty(state.schema.class, body, (t) => this.hasClass(t));
    if (state.schema.properties.some((p) => p.name.toLowerCase() === prop.name.toLowerCase())) {
      throw unprocessable(`class "${state.schema.class}": conflict for property "${prop.name}": already in use or provided multiple times`);
    }
    const withDefaults = classDefaults({ ...state.schema, properties: [prop] }).properties[0];
    state.schema = { ...state.schema, properties: [...state.schema.properties, withDefaults] };
    return withDefaults;
  }

  // ---- tenants ----

  private requireMultiTenant(className: string): ClassState {
    const state = this.state(className);
    if (!state) throw unprocessable(`class "${className}" not found`);
    if (!state.schema.multiTenancyConfig.enabled) {
      throw unprocessable(`multi-tenancy is not enabled for class "${state.schema.class}"`);
    }
    return state;
  }

  listTenants(className: string): Array<{ name: string; activityStatus: TenantStatus }> {
    const state = this.requireMultiTenant(className);
    return [...state.tenants.entries()].map(([name, activityStatus]) => ({ name, activityStatus }));
  }

  tenantStatus(className: string, tenant: string): TenantStatus | undefined {
    return this.state(className)?.tenants.get(tenant);
  }

  upsertTenants(className: string, tenants: unknown, mode: 'create' | 'update'): Array<{ name: string; activityStatus: TenantStatus }> {
    const state = this.requireMultiTenant(className);
    if (!Array.isArray(tenants)) throw unprocessable('tenants must be an array');
    const out: Array<{ name: string; activityStatus: TenantStatus }> = [];
    for (const t of tenants) {
      const name = isPlainObject(t) ? t.name : undefined;
      if (typeof name !== 'string' || !TENANT_NAME.test(name)) {
        throw unprocessable(
          name === '' || name === undefined
            ? 'empty tenant name'
            : ` '${String(name)}' is not a valid tenant name. should only contain alphanumeric characters (a-z, A-Z, 0-9), underscore (_), and hyphen (-), with a length between 1 and 64 characters`,
        );
      }
      const status = normaliseTenantStatus(isPlainObject(t) ? t.activityStatus : undefined);
      if (mode === 'update' && !state.tenants.has(name)) throw unprocessable(`tenant "${name}" not found`);
      // Creating a tenant that exists is a no-op in Weaviate (its status is not touched).
      if (mode === 'create' && state.tenants.has(name)) {
        out.push({ name, activityStatus: state.tenants.get(name)! });
        continue;
      }
      state.tenants.set(name, status);
      out.push({ name, activityStatus: status });
    }
    return out;
  }

  deleteTenants(className: string, names: unknown): void {
    const state = this.requireMultiTenant(className);
    if (!Array.isArray(names)) throw unprocessable('tenant names must be an array');
    for (const n of names) {
      state.tenants.delete(String(n));
      state.shards.delete(String(n));
    }
  }

  // ---- shards ----

  /**
   * The shard a data request addresses. Multi-tenant classes need an existing, active tenant (or
   * auto-creation/activation when the class enables it); other classes refuse a tenant.
   */
  shard(className: string, tenant: string | undefined, forWrite: boolean): Shard {
    const state = this.state(className);
    if (!state) throw notFound(`could not find class ${className} in schema`);
    const cls = state.schema;
    const mt = cls.multiTenancyConfig;
    const key = tenant ?? '';
    if (!mt.enabled) {
      if (key !== '') {
        throw unprocessable(`class ${cls.class} has multi-tenancy disabled, but request was with tenant`);
      }
    } else {
      if (key === '') {
        throw unprocessable(`class ${cls.class} has multi-tenancy enabled, but request was without tenant`);
      }
      let status = state.tenants.get(key);
      if (status === undefined) {
        if (forWrite && mt.autoTenantCreation) {
          status = 'ACTIVE';
          state.tenants.set(key, status);
        } else {
          throw unprocessable(`tenant not found: "${key}"`);
        }
      }
      if (status !== 'ACTIVE') {
        if (mt.autoTenantActivation) state.tenants.set(key, 'ACTIVE');
        else throw unprocessable(`tenant not active: '${key}'`);
      }
    }
    let shard = state.shards.get(key);
    if (!shard) {
      shard = new Shard(cls.class, key, () => this.state(cls.class)?.schema ?? cls);
      state.shards.set(key, shard);
    }
    return shard;
  }

  /** Every shard of a class (used where Weaviate would fan out, e.g. REST object lookups). */
  shards(className: string): Shard[] {
    return [...(this.state(className)?.shards.values() ?? [])];
  }
}

export function normaliseTenantStatus(raw: unknown): TenantStatus {
  switch (raw) {
    case undefined:
    case null:
    case '':
    case 'HOT':
    case 'ACTIVE':
      return 'ACTIVE';
    case 'COLD':
    case 'INACTIVE':
      return 'INACTIVE';
    case 'FROZEN':
    case 'OFFLOADED':
      return 'OFFLOADED';
    default:
      throw unprocessable(`invalid activity status "${String(raw)}"`);
  }
}
