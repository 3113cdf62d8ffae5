/**
 * The gRPC service definitions come from the generated code that ships inside weaviate-client, so the
 * double serves exactly the messages the client encodes. The package's "exports" map hides these
 * files, hence the resolve-then-join instead of a plain import.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// __filename exists under tsx (CommonJS); vitest's module runner gives import.meta.url instead.
const here = typeof __filename !== 'undefined' ? __filename : fileURLToPath(import.meta.url);
const requireHere = createRequire(here);
const clientEntry = requireHere.resolve('weaviate-client');
const distRoot = path.dirname(clientEntry);

function load<T>(relative: string): T {
  return requireHere(path.join(distRoot, relative)) as T;
}

// Loose types on purpose: the generated modules are CommonJS without declarations we can import here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const weaviateProto = load<{ WeaviateDefinition: any }>('proto/v1/weaviate.js');
export const healthProto = load<{ HealthDefinition: any; HealthCheckResponse_ServingStatus: any }>(
  'proto/google/health/v1/health.js',
);
export const baseProto = load<{ Filters_Operator: Record<string, number> }>('proto/v1/base.js');
export const tenantsProto = load<{ TenantActivityStatus: Record<string, number> }>('proto/v1/tenants.js');
