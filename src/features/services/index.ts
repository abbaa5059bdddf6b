// What the first view uses. The panels and the search functions are in ./panels, loaded on demand.
export { ServiceFinder } from './ServiceFinder';
export {
  groupsListedFirst,
  roleNote,
  SERVICES_LISTED_AT_ONCE,
  ServicesByCommissioner,
  servicesByCommissionerAt,
} from './ServicesByCommissioner';
