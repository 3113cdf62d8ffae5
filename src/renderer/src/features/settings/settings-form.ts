/**
 * Form state <-> save input. Only changed fields are sent (a field left out keeps its value); the
 * shared zod schema validates before anything crosses IPC, so messages match what main would say.
 */
import { saveSettingsInput, type SaveSettingsInput } from '../../../../shared/api-inputs';
import type { SettingsView } from '../../../../shared/domain';

export interface SettingsForm {
  databaseUrl: string; // empty = keep (the current URL holds a password we never see)
  clearDatabaseUrl: boolean;
  weaviateUrl: string;
  weaviateGrpcPort: string;
  weaviateApiKey: string; // empty = keep
  clearWeaviateApiKey: boolean;
  batchSize: string;
  transactionLimit: string;
  autoEnabled: boolean;
  intervalHours: string;
}

export function formFromView(v: SettingsView): SettingsForm {
  return {
    databaseUrl: '',
    clearDatabaseUrl: false,
    weaviateUrl: v.connection.weaviateUrl ?? '',
    weaviateGrpcPort: v.connection.weaviateGrpcPort === null ? '' : String(v.connection.weaviateGrpcPort),
    weaviateApiKey: '',
    clearWeaviateApiKey: false,
    batchSize: String(v.sync.batchSize),
    transactionLimit: String(v.sync.transactionLimit),
    autoEnabled: v.sync.autoEnabled,
    intervalHours: String(v.sync.intervalHours),
  };
}

function num(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export type FieldErrors = Partial<Record<keyof SaveSettingsInput, string>>;

export function buildSaveInput(
  form: SettingsForm,
  view: SettingsView,
): { input: SaveSettingsInput; errors: FieldErrors; changed: boolean } {
  const input: SaveSettingsInput = {};
  if (form.clearDatabaseUrl) input.databaseUrl = null;
  else if (form.databaseUrl.trim()) input.databaseUrl = form.databaseUrl.trim();
  if (form.weaviateUrl.trim() !== (view.connection.weaviateUrl ?? '')) input.weaviateUrl = form.weaviateUrl.trim() || null;
  const port = form.weaviateGrpcPort.trim();
  if (port !== (view.connection.weaviateGrpcPort === null ? '' : String(view.connection.weaviateGrpcPort))) {
    input.weaviateGrpcPort = port === '' ? null : num(port);
  }
  if (form.clearWeaviateApiKey) input.weaviateApiKey = null;
  else if (form.weaviateApiKey.trim()) input.weaviateApiKey = form.weaviateApiKey.trim();
  if (form.batchSize !== String(view.sync.batchSize)) input.batchSize = num(form.batchSize);
  if (form.transactionLimit !== String(view.sync.transactionLimit)) input.transactionLimit = num(form.transactionLimit);
  if (form.autoEnabled !== view.sync.autoEnabled) input.autoEnabled = form.autoEnabled;
  if (form.intervalHours !== String(view.sync.intervalHours)) input.intervalHours = num(form.intervalHours);

  const errors: FieldErrors = {};
  const parsed = saveSettingsInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof SaveSettingsInput;
      if (!errors[key]) errors[key] = messageFor(key, issue.message);
    }
  }
  return { input, errors, changed: Object.keys(input).length > 0 };
}

const EXPECTED: Partial<Record<keyof SaveSettingsInput, string>> = {
  weaviateGrpcPort: 'The gRPC port is a whole number from 1 to 65535.',
  batchSize: 'The batch size is a whole number from 1 to 10,000.',
  transactionLimit: 'The transaction limit is a whole number: 0 syncs all transactions.',
  intervalHours: 'The interval is a number of hours from 0.1 to 8,760.',
};

/** zod's generic number messages ("expected number, received NaN") say less than what we expect. */
function messageFor(key: keyof SaveSettingsInput, zodMessage: string): string {
  return /expected|received|Too (small|big)|NaN/i.test(zodMessage) && EXPECTED[key] ? EXPECTED[key]! : zodMessage;
}
