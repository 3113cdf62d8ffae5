/** The bound store's full shape: one slice per feature, combined in store/index.ts. */
import type { StateCreator } from 'zustand';
import type { NavigationSlice } from '../app/navigation-slice';
import type { NotificationsSlice } from '../features/notifications/notifications-slice';
import type { OverviewSlice } from '../features/overview/overview-slice';
import type { JobsSlice } from '../features/jobs/jobs-slice';
import type { UsersSlice } from '../features/users/users-slice';
import type { UserDetailSlice } from '../features/user-detail/user-detail-slice';
import type { SchemaSlice } from '../features/schema/schema-slice';
import type { HistorySlice } from '../features/history/history-slice';
import type { AuditSlice } from '../features/audit/audit-slice';
import type { SettingsSlice } from '../features/settings/settings-slice';

export type AppState = NavigationSlice &
  NotificationsSlice &
  OverviewSlice &
  JobsSlice &
  UsersSlice &
  UserDetailSlice &
  SchemaSlice &
  HistorySlice &
  AuditSlice &
  SettingsSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

