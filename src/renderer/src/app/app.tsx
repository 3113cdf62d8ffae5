import { useEffect } from 'react';
import { useStore } from '../store';
import { Sidebar } from './sidebar';
import { TopStrip } from './top-strip';
import { Toasts } from '../features/notifications/toasts';
import { OverviewView } from '../features/overview/overview-view';
import { UsersView } from '../features/users/users-view';
import { UserDetailView } from '../features/user-detail/user-detail-view';
import { SchemaView } from '../features/schema/schema-view';
import { HistoryView } from '../features/history/history-view';
import { AuditView } from '../features/audit/audit-view';
import { SettingsView } from '../features/settings/settings-view';

export function App() {
  const view = useStore((s) => s.view);
  const loadHealth = useStore((s) => s.loadHealth);
  const loadJobs = useStore((s) => s.loadJobs);

  useEffect(() => {
    void loadHealth();
    void loadJobs();
  }, [loadHealth, loadJobs]);

  return (
    <div className="shell">
      <Sidebar />
      <div className="shell-main">
        <TopStrip />
        <main className="content" id="content">
          {view === 'overview' && <OverviewView />}
          {view === 'users' && <UsersView />}
          {view === 'user' && <UserDetailView />}
          {view === 'schema' && <SchemaView />}
          {view === 'history' && <HistoryView />}
          {view === 'audit' && <AuditView />}
          {view === 'settings' && <SettingsView />}
        </main>
      </div>
      <Toasts />
    </div>
  );
}
