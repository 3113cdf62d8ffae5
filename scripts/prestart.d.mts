/** Types of the pure helpers scripts/prestart.mjs exports (used by its unit test). */
export declare const ELECTRON_HEADERS_URL: string;
export interface BuildStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}
export declare function bindingPath(root: string, electronVersion: string): string;
export declare function expectedStamp(v: {
  electronVersion: string;
  betterSqliteVersion: string;
  platform: string;
  arch: string;
}): BuildStamp;
export declare function stampMatches(actual: unknown, expected: BuildStamp): boolean;
export declare function readPackageVersion(root: string, name: string): string;
export declare function electronExecutableName(platform: string): string;
export declare function isElectronInstalled(electronDir: string, version: string, platform: string): boolean;
export declare function findNodeGyp(env: Record<string, string | undefined>, execPath: string): string | null;
export declare function childEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare class StepError extends Error {
  constructor(step: string, message: string);
  readonly step: string;
}
export declare function ensureSqliteBinding(root: string, electronVersion: string): void;
