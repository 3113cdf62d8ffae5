import { formatCount } from '../lib/format';

/** Previous / next over a server-paged list. */
export function Pager({
  offset,
  limit,
  total,
  onPage,
  label,
}: {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
  label: string;
}) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span>
        {formatCount(from)}–{formatCount(to)} of {formatCount(total)}
      </span>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        Previous page
      </button>
      <button type="button" className="btn btn-small" disabled={to >= total} onClick={() => onPage(offset + limit)}>
        Next page
      </button>
    </nav>
  );
}
