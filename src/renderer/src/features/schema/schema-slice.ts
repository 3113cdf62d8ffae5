import type { SchemaInitReport, SchemaStatus } from '../../../../shared/domain';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export interface SchemaSlice {
  schemaStatus: SchemaStatus | null;
  schemaLoading: boolean;
  schemaError: ErrorInfo | null;
  schemaReport: SchemaInitReport | null;
  schemaInitializing: boolean;
  schemaInitError: ErrorInfo | null;
  loadSchema(): Promise<void>;
  initSchema(): Promise<void>;
}

export const createSchemaSlice: SliceCreator<SchemaSlice> = (set, get) => ({
  schemaStatus: null,
  schemaLoading: false,
  schemaError: null,
  schemaReport: null,
  schemaInitializing: false,
  schemaInitError: null,

  loadSchema: async () => {
    set({ schemaLoading: true });
    try {
      const status = await unwrap(api().getSchemaStatus());
      set({ schemaStatus: status, schemaError: null, schemaLoading: false });
    } catch (err) {
      set({ schemaError: toErrorInfo(err), schemaLoading: false });
    }
  },

  initSchema: async () => {
    set({ schemaInitializing: true, schemaInitError: null });
    try {
      const report = await unwrap(api().initSchema());
      set({ schemaReport: report, schemaInitializing: false });
      get().notify({ kind: 'success', title: 'Schema initialized', message: 'See the report on the Schema page.' });
      await get().loadSchema();
    } catch (err) {
      set({ schemaInitError: toErrorInfo(err), schemaInitializing: false });
    }
  },
});
