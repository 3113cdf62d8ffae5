/** REST routes for the schema: classes, properties and tenants. */
import type { Database } from './database';
import { notFound } from './errors';
import type { Router } from './rest-router';

export function addSchemaRoutes(router: Router, db: Database): void {
  router
    .add('GET', '/v1/schema', () => ({ status: 200, body: { classes: db.listClasses() } }))
    .add('POST', '/v1/schema', (req) => ({ status: 200, body: db.createClass(req.body) }))
    .add('GET', '/v1/schema/{className}', (req) => {
      const cls = db.getClass(req.params.className);
      return cls ? { status: 200, body: cls } : { status: 404 };
    })
    .add('HEAD', '/v1/schema/{className}', (req) => ({ status: db.hasClass(req.params.className) ? 200 : 404 }))
    .add('PUT', '/v1/schema/{className}', (req) => ({ status: 200, body: db.updateClass(req.params.className, req.body) }))
    // Weaviate answers 200 for a class that does not exist too.
    .add('DELETE', '/v1/schema/{className}', (req) => {
      db.deleteClass(req.params.className);
      return { status: 200 };
    })
    .add('POST', '/v1/schema/{className}/properties', (req) => ({
      status: 200,
      body: db.addProperty(req.params.className, req.body),
    }))
    .add('GET', '/v1/schema/{className}/tenants', (req) => ({ status: 200, body: db.listTenants(req.params.className) }))
    .add('POST', '/v1/schema/{className}/tenants', (req) => ({
      status: 200,
      body: db.upsertTenants(req.params.className, req.body, 'create'),
    }))
    .add('PUT', '/v1/schema/{className}/tenants', (req) => ({
      status: 200,
      body: db.upsertTenants(req.params.className, req.body, 'update'),
    }))
    .add('DELETE', '/v1/schema/{className}/tenants', (req) => {
      db.deleteTenants(req.params.className, req.body);
      return { status: 200 };
    })
    .add('GET', '/v1/schema/{className}/tenants/{tenantName}', (req) => {
      const tenant = db.listTenants(req.params.className).find((t) => t.name === req.params.tenantName);
      if (!tenant) throw notFound(`tenant "${req.params.tenantName}" not found`);
      return { status: 200, body: tenant };
    })
    .add('HEAD', '/v1/schema/{className}/tenants/{tenantName}', (req) => {
      const exists = db.listTenants(req.params.className).some((t) => t.name === req.params.tenantName);
      return { status: exists ? 200 : 404 };
    });
}
