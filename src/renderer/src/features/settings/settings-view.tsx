import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useStore } from '../../store';
import type { SettingSource } from '../../../../shared/domain';
import type { TestConnectionInput } from '../../../../shared/api-inputs';
import { ErrorNotice } from '../../components/error-notice';
import { ConnectionTestResult } from './connection-test-result';
import { buildSaveInput, formFromView, type FieldErrors, type SettingsForm } from './settings-form';

export function SettingsView() {
  const view = useStore((s) => s.settings);
  const loadError = useStore((s) => s.settingsError);
  const saving = useStore((s) => s.settingsSaving);
  const saveError = useStore((s) => s.settingsSaveError);
  const load = useStore((s) => s.loadSettings);
  const save = useStore((s) => s.saveSettings);
  const test = useStore((s) => s.testConnection);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (view) setForm(formFromView(view));
  }, [view]);

  if (loadError && !view) return <ErrorNotice error={loadError} title="Settings could not be loaded" onRetry={() => void load()} />;
  if (!view || !form) return <p className="muted">Loading settings…</p>;

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm({ ...form, [key]: value });
  const src = (key: string): SettingSource | undefined => view.sources[key];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found, changed } = buildSaveInput(form, view);
    setErrors(found);
    setNote(null);
    if (Object.keys(found).length > 0) return;
    if (!changed) {
      setNote('Nothing changed.');
      return;
    }
    await save(input);
  };

  // Test with what is typed now, so a value can be checked before it is saved.
  const testInput = (component: TestConnectionInput['component']): TestConnectionInput => {
    if (component === 'postgres') {
      return { component, ...(form.databaseUrl.trim() ? { databaseUrl: form.databaseUrl.trim() } : {}) };
    }
    const port = Number(form.weaviateGrpcPort);
    return {
      component,
      ...(form.weaviateUrl.trim() ? { weaviateUrl: form.weaviateUrl.trim() } : {}),
      ...(Number.isInteger(port) && port > 0 ? { weaviateGrpcPort: port } : {}),
      ...(form.weaviateApiKey.trim() ? { weaviateApiKey: form.weaviateApiKey.trim() } : {}),
    };
  };

  return (
    <form className="view settings-view" onSubmit={(e) => void submit(e)} aria-label="Settings" noValidate>
      <section className="card" aria-labelledby="conn-heading">
        <h2 id="conn-heading">PostgreSQL</h2>
        <Row label="Current URL" source={src('databaseUrl')}>
          <span className="mono">{view.connection.databaseUrl ?? 'not set'}</span>
          <span className="muted small"> · password {view.connection.databasePasswordSet ? 'set' : 'not set'}</span>
        </Row>
        <SecretField
          id="databaseUrl"
          label="New PostgreSQL URL"
          error={errors.databaseUrl}
          placeholder="postgresql://user:password@host:5432/db (empty keeps the current one)"
          value={form.databaseUrl}
          onChange={(v) => set('databaseUrl', v)}
          clear={form.clearDatabaseUrl}
          onClearChange={(v) => set('clearDatabaseUrl', v)}
          clearLabel="Clear the saved URL (use the environment's DATABASE_URL)"
        />
        <TestButton component="postgres" label="Test PostgreSQL connection" onTest={() => void test(testInput('postgres'))} />
      </section>

      <section className="card" aria-labelledby="weaviate-heading">
        <h2 id="weaviate-heading">Weaviate</h2>
        <Field id="weaviateUrl" label="Weaviate URL" error={errors.weaviateUrl} source={src('weaviateUrl')}>
          <input id="weaviateUrl" value={form.weaviateUrl} placeholder="http://localhost:8080" onChange={(e) => set('weaviateUrl', e.target.value)} spellCheck={false} />
        </Field>
        <Field id="weaviateGrpcPort" label="gRPC port" error={errors.weaviateGrpcPort} source={src('weaviateGrpcPort')}>
          <input id="weaviateGrpcPort" inputMode="numeric" value={form.weaviateGrpcPort} onChange={(e) => set('weaviateGrpcPort', e.target.value)} />
        </Field>
        <Row label="API key" source={src('weaviateApiKey')}>
          <span className={`badge ${view.connection.weaviateApiKeySet ? 'tone-ok' : 'tone-muted'}`}>
            {view.connection.weaviateApiKeySet ? 'set' : 'not set'}
          </span>
        </Row>
        {!view.secretStorageAvailable && (
          <p className="notice notice-warn">
            This system has no secure key store, so the console cannot save an API key. Set WEAVIATE_API_KEY in the
            environment instead.
          </p>
        )}
        <SecretField
          id="weaviateApiKey"
          label="New API key"
          error={errors.weaviateApiKey}
          placeholder="empty keeps the current key"
          value={form.weaviateApiKey}
          onChange={(v) => set('weaviateApiKey', v)}
          clear={form.clearWeaviateApiKey}
          onClearChange={(v) => set('clearWeaviateApiKey', v)}
          clearLabel="Clear the saved API key"
        />
        <TestButton component="weaviate" label="Test Weaviate connection" onTest={() => void test(testInput('weaviate'))} />
      </section>

      <section className="card" aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync</h2>
        <Field id="batchSize" label="Batch size" error={errors.batchSize} source={src('batchSize')}>
          <input id="batchSize" inputMode="numeric" value={form.batchSize} onChange={(e) => set('batchSize', e.target.value)} />
        </Field>
        <Field id="transactionLimit" label="Transaction limit" error={errors.transactionLimit} source={src('transactionLimit')}>
          <input id="transactionLimit" inputMode="numeric" value={form.transactionLimit} onChange={(e) => set('transactionLimit', e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.autoEnabled} onChange={(e) => set('autoEnabled', e.target.checked)} />
          Automatic sync
          {src('autoEnabled') && <SourceTag source={src('autoEnabled')!} />}
        </label>
        <Field id="intervalHours" label="Sync interval (hours)" error={errors.intervalHours} source={src('intervalHours')}>
          <input id="intervalHours" inputMode="decimal" value={form.intervalHours} onChange={(e) => set('intervalHours', e.target.value)} />
        </Field>
      </section>

      <div className="toolbar">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="btn" onClick={() => { setForm(formFromView(view)); setErrors({}); setNote(null); }}>
          Discard changes
        </button>
        {note && <span className="muted" role="status">{note}</span>}
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Fix the marked fields before saving.
        </p>
      )}
      {saveError && <ErrorNotice error={saveError} title="Settings were not saved" />}
    </form>
  );
}

function SourceTag({ source }: { source: SettingSource }) {
  const label = source === 'saved' ? 'saved in the console' : source === 'env' ? 'from the environment' : 'default';
  return <span className="source-tag">{label}</span>;
}

function Row({ label, source, children }: { label: string; source?: SettingSource; children: ReactNode }) {
  return (
    <div className="setting-row">
      <span className="setting-label">{label}</span>
      <span>{children}</span>
      {source && <SourceTag source={source} />}
    </div>
  );
}

function Field({ id, label, error, source, children }: { id: string; label: string; error?: string; source?: SettingSource; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label} {source && <SourceTag source={source} />}
      </label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A saved secret is never shown: type a replacement, or tick the box to clear it (which disables the input). */
function SecretField({
  id,
  label,
  error,
  placeholder,
  value,
  onChange,
  clear,
  onClearChange,
  clearLabel,
}: {
  id: string;
  label: string;
  error?: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  clear: boolean;
  onClearChange: (clear: boolean) => void;
  clearLabel: string;
}) {
  return (
    <>
      <Field id={id} label={label} error={error}>
        <input
          id={id}
          type="password"
          autoComplete="off"
          placeholder={placeholder}
          value={value}
          disabled={clear}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      <label className="check">
        <input type="checkbox" checked={clear} onChange={(e) => onClearChange(e.target.checked)} />
        {clearLabel}
      </label>
    </>
  );
}

function TestButton({ component, label, onTest }: { component: 'postgres' | 'weaviate'; label: string; onTest: () => void }) {
  const state = useStore((s) => s.connectionTests[component]);
  return (
    <div className="test-row">
      <button type="button" className="btn" onClick={onTest} disabled={state?.running}>
        {state?.running ? 'Testing…' : label}
      </button>
      {state && !state.running && <ConnectionTestResult state={state} />}
    </div>
  );
}
