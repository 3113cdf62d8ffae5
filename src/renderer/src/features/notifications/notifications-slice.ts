import type { SliceCreator } from '../../store/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { hintFor } from '../../lib/error-hints';

export interface Toast {
  id: number;
  kind: 'error' | 'success' | 'info';
  title: string;
  message: string;
  hint: string | null;
}

export interface NotificationsSlice {
  toasts: Toast[];
  notify(toast: Omit<Toast, 'id' | 'hint'> & { hint?: string | null }): void;
  notifyError(title: string, error: ErrorInfo): void;
  dismissToast(id: number): void;
}

let nextId = 1;
const MAX_TOASTS = 5;

export const createNotificationsSlice: SliceCreator<NotificationsSlice> = (set, get) => ({
  toasts: [],
  notify: (toast) => {
    const full: Toast = { hint: null, ...toast, id: nextId++ };
    set((s) => ({ toasts: [...s.toasts, full].slice(-MAX_TOASTS) }));
    // Successes fade on their own; errors stay until the operator has read them.
    if (full.kind !== 'error') setTimeout(() => get().dismissToast(full.id), 6000);
  },
  notifyError: (title, error) =>
    get().notify({ kind: 'error', title, message: error.message, hint: hintFor(error.code) }),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
