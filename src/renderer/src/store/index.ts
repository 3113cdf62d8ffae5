/** The one bound store. Slices own their state and actions; views select only what they render. */
import { create } from 'zustand';
import type { AppState } from './types';
import { createNavigationSlice } from '../app/navigation-slice';
import { createNotificationsSlice } from '../features/notifications/notifications-slice';
import { createOverviewSlice } from '../features/overview/overview-slice';
import { createJobsSlice } from '../features/jobs/jobs-slice';
import { createUsersSlice } from '../features/users/users-slice';
import { createUserDetailSlice } from '../features/user-detail/user-detail-slice';
import { createSchemaSlice } from '../features/schema/schema-slice';
import { createHistorySlice } from '../features/history/history-slice';
import { createAuditSlice } from '../features/audit/audit-slice';
import { createSettingsSlice } from '../features/settings/settings-slice';

export const useStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createNotificationsSlice(...a),
  ...createOverviewSlice(...a),
  ...createJobsSlice(...a),
  ...createUsersSlice(...a),
  ...createUserDetailSlice(...a),
  ...createSchemaSlice(...a),
  ...createHistorySlice(...a),
  ...createAuditSlice(...a),
  ...createSettingsSlice(...a),
}));
