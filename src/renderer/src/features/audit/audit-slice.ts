import type { AuditEntry, Page } from '../../../../shared/domain';
import type { ListAuditInput } from '../../../../shared/api-inputs';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export const AUDIT_PAGE_SIZE = 50;
export type AuditFilter = Omit<ListAuditInput, 'offset' | 'limit'>;

export interface AuditExportResult {
  filePath: string | null;
  rows: number;
}

export interface AuditSlice {
  auditFilter: AuditFilter;
  auditPage: Page<AuditEntry> | null;
  auditLoading: boolean;
  auditError: ErrorInfo | null;
  auditExporting: boolean;
  auditExport: AuditExportResult | null;
  auditExportError: ErrorInfo | null;
  loadAudit(filter?: AuditFilter, offset?: number): Promise<void>;
  exportAudit(): Promise<void>;
}

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get) => ({
  auditFilter: {},
  auditPage: null,
  auditLoading: false,
  auditError: null,
  auditExporting: false,
  auditExport: null,
  auditExportError: null,

  loadAudit: async (filter, offset = 0) => {
    const f = filter ?? get().auditFilter;
    set({ auditFilter: f, auditLoading: true });
    try {
      const page = await unwrap(api().listAudit({ ...f, offset, limit: AUDIT_PAGE_SIZE }));
      set({ auditPage: page, auditError: null, auditLoading: false });
    } catch (err) {
      set({ auditError: toErrorInfo(err), auditLoading: false });
    }
  },

  exportAudit: async () => {
    set({ auditExporting: true, auditExport: null, auditExportError: null });
    try {
      // Main shows the save dialog and streams the file; only the outcome comes back.
      const result = await unwrap(api().exportAudit(get().auditFilter));
      set({ auditExport: result, auditExporting: false });
    } catch (err) {
      set({ auditExportError: toErrorInfo(err), auditExporting: false });
    }
  },
});
