import { useStore } from '../../store';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <div className="toast-body">
            <strong>{t.title}</strong>
            <span className="toast-message" title={t.message}>
              {t.message}
            </span>
            {t.hint && <span className="notice-hint">{t.hint}</span>}
          </div>
          <button type="button" className="btn btn-ghost btn-small" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            ✕
          </button>
        </div>
      ))}
    </section>
  );
}
