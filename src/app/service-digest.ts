/**
 * A service's digest: what the top of its panel says (caption, name, other names, description),
 * written by the build as a small file per service (data/service-digests/<id>.html: the panel's top
 * as markup, the digest itself in an attribute). A page opened at a service's address
 * (#/service/<id>) shows it in the panel's place before the scripts and the dataset arrive: the
 * script that starts them (scripts/build/after-first-paint.ts) fetches it and puts it into
 * index.html's skeleton, then asks for the rest once it has been painted. On a phone on a slow
 * connection the reader sees what they came for in about a second, not three.
 *
 * React's first render (ExplorerSkeleton) keeps that very element (takeServiceDigestPanel), so
 * nothing flickers when React takes over; the real panel replaces it when the dataset is in, its top
 * in the same place.
 *
 * No React here, and no DOM beyond finding the element: vite.config.ts writes the files with
 * serviceDigestOf and serviceDigestHtml at build time.
 */
import { SERVICE_CATEGORY_LABELS } from '../components/words';
import type { Service } from '../data/schema';

export interface ServiceDigest {
  id: string;
  /** "Service: Public health", as the panel's caption */
  caption: string;
  name: string;
  synonyms: string[];
  /** plain text: the panel links its glossary terms once the dataset is in */
  description: string;
}

/** Where the build writes the digests, beside the dataset's files: `${SERVICE_DIGEST_DIR}/<id>.html`. */
export const SERVICE_DIGEST_DIR = 'data/service-digests';

/** The attribute of the digest's outermost element: the service's id, for React's first render to find it by. */
export const SERVICE_DIGEST_ATTRIBUTE = 'data-service-digest';

/**
 * At this width and wider the finder, the list and the panels sit in a column beside the map
 * (main.scss); below it a panel opens as a sheet over the bottom of the screen, where the digest
 * is shown (beside the map its place is not known until the finders are drawn).
 */
export const SIDE_COLUMN_QUERY = '(min-width: 64em)';

/** The digest panel's heading id (one panel per page). */
export const SERVICE_DIGEST_HEADING_ID = 'app-service-digest-heading';

/** A service id as an address carries it, and as a file name may use it (the start script matches it too). */
export const SERVICE_ID_PATTERN = '[a-z0-9][a-z0-9-]*';

const SERVICE_ADDRESS = new RegExp(`^/+service/(${SERVICE_ID_PATTERN})/?$`);

/** The service id a path names ("/service/health-visiting"), or null. */
export function serviceIdOfPath(pathname: string): string | null {
  return SERVICE_ADDRESS.exec(pathname)?.[1] ?? null;
}

export function serviceDigestOf(service: Service): ServiceDigest {
  return {
    id: service.id,
    caption: `Service: ${SERVICE_CATEGORY_LABELS[service.category]}`,
    name: service.name,
    synonyms: service.synonyms,
    description: service.description,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The top of the service's panel as ServicePanel draws it, from the digest: no links and no Close
 * button yet (a grey block holds its place, so the heading wraps as it will).
 */
export function serviceDigestHtml(digest: ServiceDigest): string {
  const synonyms =
    digest.synonyms.length > 0
      ? `<p class="nhsuk-body-s app-services-panel__aka">Also called: ${escapeHtml(digest.synonyms.join(', '))}</p>`
      : '';
  return (
    `<div class="app-explorer__panel" ${SERVICE_DIGEST_ATTRIBUTE}="${escapeHtml(digest.id)}">` +
    `<section class="app-panel app-services-panel" aria-labelledby="${SERVICE_DIGEST_HEADING_ID}">` +
    `<div class="app-panel__header"><div class="app-panel__title">` +
    `<p class="nhsuk-caption-s app-panel__caption">${escapeHtml(digest.caption)}</p>` +
    `<h2 class="nhsuk-heading-m app-panel__heading" id="${SERVICE_DIGEST_HEADING_ID}">${escapeHtml(digest.name)}</h2>` +
    `</div><span class="app-skeleton__block app-skeleton__close"></span></div>` +
    `${synonyms}<p>${escapeHtml(digest.description)}</p></section></div>`
  );
}

/**
 * The element the page's skeleton shows for the service at `pathname` (the digest the start script
 * put there), or null: none (another address, no file, or the development server, which draws no
 * skeleton), or one for another service (the address changed since).
 */
export function takeServiceDigestPanel(root: ParentNode, pathname: string): Element | null {
  const serviceId = serviceIdOfPath(pathname);
  if (!serviceId) return null;
  const panel = root.querySelector(`[${SERVICE_DIGEST_ATTRIBUTE}]`);
  return panel?.getAttribute(SERVICE_DIGEST_ATTRIBUTE) === serviceId ? panel : null;
}
