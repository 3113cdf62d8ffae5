import type { ComponentHealth, SettingsView } from '../../../../shared/domain';
import type { SaveSettingsInput, TestConnectionInput } from '../../../../shared/api-inputs';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

type Testable = TestConnectionInput['component'];

export interface ConnectionTest {
  running: boolean;
  result: ComponentHealth | null;
  error: ErrorInfo | null;
}

export interface SettingsSlice {
  settings: SettingsView | null;
  settingsLoading: boolean;
  settingsError: ErrorInfo | null;
  settingsSaving: boolean;
  settingsSaveError: ErrorInfo | null;
  settingsSavedAt: string | null;
  connectionTests: Partial<Record<Testable, ConnectionTest>>;
  loadSettings(): Promise<void>;
  saveSettings(input: SaveSettingsInput): Promise<boolean>;
  testConnection(input: TestConnectionInput): Promise<void>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsLoading: false,
  settingsError: null,
  settingsSaving: false,
  settingsSaveError: null,
  settingsSavedAt: null,
  connectionTests: {},

  loadSettings: async () => {
    set({ settingsLoading: true });
    try {
      const settings = await unwrap(api().getSettings());
      set({ settings, settingsError: null, settingsLoading: false });
    } catch (err) {
      set({ settingsError: toErrorInfo(err), settingsLoading: false });
    }
  },

  saveSettings: async (input) => {
    set({ settingsSaving: true, settingsSaveError: null });
    try {
      const settings = await unwrap(api().saveSettings(input));
      set({ settings, settingsSaving: false, settingsSavedAt: new Date().toISOString() });
      get().notify({ kind: 'success', title: 'Settings saved', message: 'The new values are in effect.' });
      void get().loadHealth();
      return true;
    } catch (err) {
      set({ settingsSaveError: toErrorInfo(err), settingsSaving: false });
      return false;
    }
  },

  testConnection: async (input) => {
    const c = input.component;
    set((s) => ({ connectionTests: { ...s.connectionTests, [c]: { running: true, result: null, error: null } } }));
    try {
      const result = await unwrap(api().testConnection(input));
      set((s) => ({ connectionTests: { ...s.connectionTests, [c]: { running: false, result, error: null } } }));
    } catch (err) {
      const error = toErrorInfo(err);
      set((s) => ({ connectionTests: { ...s.connectionTests, [c]: { running: false, result: null, error } } }));
    }
  },
});
