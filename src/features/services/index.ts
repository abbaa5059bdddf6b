// What the first view uses. The panels and the search functions are in ./panels, loaded on demand.
export { ServiceFinder } from './ServiceFinder';
export { ServicesByCommissioner, servicesByCommissionerAt, roleNote } from './ServicesByCommissioner';
