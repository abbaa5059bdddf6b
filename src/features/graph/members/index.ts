/**
 * The map's named CCGs (issue 13). The control, the address hook and the text are small and in the
 * first view; the drawing (MembersLayer) and the place data load only when the members are opened.
 */
import { lazy } from 'react';

export { CCG_KIND_ID, withoutCardServices } from './geometry';
export { useMembers } from './load';
export { MembersText } from './MembersText';
export { MEMBERS_FROM, MembersToggle } from './MembersToggle';
export { useMembersScope } from './useMembersScope';
export type { MembersLayerProps } from './MembersLayer';

export const MembersLayer = lazy(() => import('./MembersLayer'));
