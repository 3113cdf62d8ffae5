import type { SliceCreator } from '../store/types';

export const VIEWS = ['overview', 'users', 'schema', 'history', 'audit', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number] | 'user';

export interface NavigationSlice {
  view: ViewName;
  go(view: ViewName): void;
  /** Opens a user's detail view (and loads it). */
  openUser(userId: string): void;
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set, get) => ({
  view: 'overview',
  go: (view) => set({ view }),
  openUser: (userId) => {
    set({ view: 'user' });
    void get().loadUserDetail(userId);
  },
});
