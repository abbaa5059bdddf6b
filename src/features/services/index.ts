export { ServiceFinder } from './ServiceFinder';
export { ServicePanel } from './ServicePanel';
export { NotFoundPanel } from './NotFoundPanel';
export { createServiceSearch, suggestServices, type ServiceMatch, type ServiceSearch } from './service-search';
export { suggestOrganisations } from './organisation-search';
export { ServicesByCommissioner, servicesByCommissionerAt, roleNote } from './ServicesByCommissioner';
