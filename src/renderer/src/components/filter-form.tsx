import type { FormEvent, ReactNode } from 'react';

/** A filter bar over a paged list: the view's fields, then Apply filters, Reset and any further actions. */
export function FilterForm({
  label,
  busy,
  onApply,
  onReset,
  actions,
  children,
}: {
  label: string;
  busy: boolean;
  onApply: () => void;
  onReset: () => void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply();
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={label}>
      {children}
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Apply filters
        </button>
        <button type="button" className="btn" onClick={onReset}>
          Reset
        </button>
        {actions}
      </div>
    </form>
  );
}
