/**
 * The settings view as it may cross to the renderer. The core already reports secrets only as
 * set / not set; this copy keeps exactly the known fields and strips URL credentials again, so a
 * secret cannot slip through if the core's view ever gains a field (defence in depth, DESIGN.md §4).
 */
import type { SettingsView } from '../../shared/domain';
import { redactUrl } from '../core/redact';

export function toRendererSettings(view: SettingsView): SettingsView {
  const c = view.connection;
  return {
    connection: {
      databaseUrl: c.databaseUrl === null ? null : redactUrl(c.databaseUrl),
      weaviateUrl: c.weaviateUrl === null ? null : redactUrl(c.weaviateUrl),
      weaviateGrpcPort: c.weaviateGrpcPort,
      databasePasswordSet: Boolean(c.databasePasswordSet),
      weaviateApiKeySet: Boolean(c.weaviateApiKeySet),
    },
    sync: {
      batchSize: view.sync.batchSize,
      transactionLimit: view.sync.transactionLimit,
      autoEnabled: view.sync.autoEnabled,
      intervalHours: view.sync.intervalHours,
    },
    sources: { ...view.sources },
    secretStorageAvailable: Boolean(view.secretStorageAvailable),
  };
}
