import type { ErrorInfo } from '../../../shared/errors';
import { hintFor } from '../lib/error-hints';

/** An error where it happened: the core's message plus what the operator can do about it. */
export function ErrorNotice({ error, title, onRetry }: { error: ErrorInfo; title?: string; onRetry?: () => void }) {
  const hint = hintFor(error.code);
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        {title && <strong className="notice-title">{title}</strong>}
        <span className="notice-message">{error.message}</span>
        {hint && <span className="notice-hint">{hint}</span>}
      </div>
      <span className="notice-code">{error.code}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
