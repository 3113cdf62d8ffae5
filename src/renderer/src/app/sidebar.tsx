import { useStore } from '../store';
import type { ViewName } from './navigation-slice';

const ITEMS: { view: ViewName; label: string; icon: string }[] = [
  { view: 'overview', label: 'Overview', icon: '◎' },
  { view: 'users', label: 'Users', icon: '☰' },
  { view: 'schema', label: 'Schema', icon: '⛁' },
  { view: 'history', label: 'History', icon: '↻' },
  { view: 'audit', label: 'Audit', icon: '✎' },
  { view: 'settings', label: 'Settings', icon: '⚙' },
];

export function Sidebar() {
  const view = useStore((s) => s.view);
  const go = useStore((s) => s.go);
  const activeCount = useStore((s) => Object.keys(s.activeJobs).length);
  // The user detail belongs under Users in the navigation.
  const current = view === 'user' ? 'users' : view;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span>
          Elysia Sync
          <small>Console</small>
        </span>
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className={`nav-item${current === item.view ? ' active' : ''}`}
              aria-current={current === item.view ? 'page' : undefined}
              onClick={() => go(item.view)}
            >
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              {item.label}
              {item.view === 'overview' && activeCount > 0 && (
                <span className="nav-count" title={`${activeCount} job(s) running`}>
                  {activeCount}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
