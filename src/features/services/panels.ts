// The service panel, the not-found panel and the search behind them: loaded on demand (src/app/selection-panels.tsx).
export { ServicePanel } from './ServicePanel';
export { NotFoundPanel } from './NotFoundPanel';
export { createServiceSearch, suggestServices, type ServiceMatch, type ServiceSearch } from './service-search';
export { suggestOrganisations } from './organisation-search';
