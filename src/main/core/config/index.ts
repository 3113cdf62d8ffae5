export { loadConfig, configSources, normalizeWeaviateUrl } from './load-config';
export type { AppConfig, ConfigOverrides, ConfigField, ConfigDefaults } from './load-config';
export { ENV_VARIABLES } from './env-variables';
export type { EnvVariable } from './env-variables';
export { defaultStoreDir, defaultStorePath, APP_FOLDER, STORE_FILE } from './store-path';
