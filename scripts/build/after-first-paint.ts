/**
 * The scripts and the data are asked for once the page's skeleton has been painted. The first paint
 * needs only the HTML (which carries the skeleton) and the stylesheet: on a slow link the stylesheet
 * should not share the bandwidth with 130 KB of script and 650 KB of data, and Lighthouse's model of
 * a phone counts every request finished before the largest paint as holding it back. On a fast link
 * the scripts start a frame later than they would have.
 *
 * index.html keeps the tags Vite wrote (the entry module, its module preloads, the data preloads),
 * inert in a <template>; a small script file (not inline: the Content-Security-Policy forbids
 * inline script) copies them into the head once the first paint is on the screen (reported by paint
 * timing; without it, after the next frame), or at once in a page opened in the background, which
 * paints no frame.
 *
 * Two things it begins itself, for the app to take over (src/app/early-start.ts): the dataset
 * worker, first, from the address the template gives; and each data file, whose preload becomes a
 * request read as a Blob (a preload's body would be read by the page's thread as it comes).
 *
 * At a service's address (#/service/<id>), where the panel opens as a sheet (below the side
 * column's width), the script first fetches the service's digest (the top of its panel as markup, a
 * few hundred bytes: src/app/service-digest.ts) and puts it into the skeleton where the panel opens
 * (React's skeleton keeps it: ExplorerSkeleton), and asks for the rest once that has been painted:
 * the reader sees the service's name and description before 130 KB of script and the data have
 * shared the connection. Should the digest not come (missing, offline), the page starts as it
 * would have; and within three seconds in any case.
 */
import { DATASET_WORKER_ATTRIBUTE, EARLY_DATASET_WORKER_GLOBAL, EARLY_FETCHES_GLOBAL } from '../../src/app/early-start';
import {
  SERVICE_DIGEST_ATTRIBUTE,
  SERVICE_DIGEST_DIR,
  SERVICE_ID_PATTERN,
  SIDE_COLUMN_QUERY,
} from '../../src/app/service-digest';

export const AFTER_FIRST_PAINT_TEMPLATE_ID = 'app-after-first-paint';

/** How many of the tags are started in one task: the entry script first, then its preloads, then the data's. */
export const AFTER_FIRST_PAINT_BATCH = 2;

/** However the first paint goes, the page starts this long after the script runs. */
export const AFTER_FIRST_PAINT_FALLBACK_MS = 3000;

/** The script file's source: plain ES5, run as a classic deferred script. */
export const AFTER_FIRST_PAINT_SCRIPT = `(function () {
  var template = document.getElementById('${AFTER_FIRST_PAINT_TEMPLATE_ID}');
  if (!template) return;
  var started = false;
  var sources = template.content.children;
  var next = 0;
  // Each insertion starts a request (about a millisecond on a small machine, several under
  // DevTools): two per task, so that the thirty-odd of them are no task over a few milliseconds.
  function insertSome() {
    for (var count = 0; count < ${AFTER_FIRST_PAINT_BATCH} && next < sources.length; count++, next++) {
      var source = sources[next];
      if (fetchEarly(source)) continue;
      var element = document.createElement(source.tagName.toLowerCase());
      for (var j = 0; j < source.attributes.length; j++) element.setAttribute(source.attributes[j].name, source.attributes[j].value);
      document.head.appendChild(element);
    }
    if (next < sources.length) setTimeout(insertSome, 0);
  }
  function start() {
    if (started) return;
    started = true;
    startDatasetWorker();
    insertSome();
  }
  // A data file's preload becomes a request whose body is read as a Blob at once: the browser
  // keeps it, where a preload's body is read by this page's thread as it comes (src/app/early-start.ts).
  function fetchEarly(source) {
    if (source.tagName !== 'LINK' || source.getAttribute('rel') !== 'preload' || source.getAttribute('as') !== 'fetch') return false;
    if (!window.fetch || !window.Promise || !window.Response || !window.Blob) return false;
    var link = document.createElement('a');
    link.href = source.getAttribute('href');
    var fetches = window.${EARLY_FETCHES_GLOBAL} = window.${EARLY_FETCHES_GLOBAL} || {};
    var url = link.href;
    fetches[url] = fetch(url).then(function (response) {
      return response.blob().then(function (blob) { return new Response(blob, { status: response.status }); });
    });
    // The app reports a failed request when it takes it over.
    fetches[url].then(null, function () {});
    return true;
  }
  // The dataset worker first, so that its script is not queued behind the data's downloads
  // (src/app/early-start.ts); the app takes it over.
  function startDatasetWorker() {
    var address = template.getAttribute('${DATASET_WORKER_ATTRIBUTE}');
    if (!address || !window.Worker) return;
    try {
      var early = { worker: new Worker(address, { type: 'module', name: 'dataset' }), failed: false };
      early.worker.addEventListener('error', function () { early.failed = true; });
      window.${EARLY_DATASET_WORKER_GLOBAL} = early;
    } catch (error) {}
  }
  // A frame's callbacks run just before it is drawn; a task queued from one runs after.
  function afterNextFrame(then) {
    if (document.visibilityState === 'hidden') return then();
    requestAnimationFrame(function () { setTimeout(then, 0); });
  }
  // The first contentful paint is reported once its frame is on the screen, which can be a while
  // after it was drawn (a browser starting its compositor on a busy machine): the scripts wait for
  // that, not for the drawing, so that they do not hold the first paint back. Without paint timing,
  // they wait for the next frame.
  function afterFirstPaint(then) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (document.visibilityState === 'hidden' || !types || types.indexOf('paint') < 0) return afterNextFrame(then);
    var observer = new PerformanceObserver(function (list) {
      var entries = list.getEntries();
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].name !== 'first-contentful-paint') continue;
        observer.disconnect();
        return then();
      }
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  var service = /^#\\/+service\\/(${SERVICE_ID_PATTERN})\\/?(?:\\?|$)/.exec(location.hash);
  // Only where the panel opens as a sheet: beside the map the digest would wait unseen.
  var sheet = !window.matchMedia || !matchMedia('${SIDE_COLUMN_QUERY}').matches;
  if (service && sheet && window.fetch && window.Promise) {
    // Fetched at once; the page starts when the skeleton is on the screen and the digest has been
    // drawn (or could not be had), a frame later.
    var painted = new Promise(afterFirstPaint);
    fetch('./${SERVICE_DIGEST_DIR}/' + service[1] + '.html')
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        // The panel's top where React's skeleton has it (src/app/ExplorerSkeleton.tsx), if the
        // file is a digest (a host may answer a missing file with a page of its own).
        var explorer = document.querySelector('.app-explorer--skeleton');
        var finder = explorer && explorer.querySelector('.app-skeleton__finder');
        if (!finder || html.indexOf('<div class="app-explorer__panel" ${SERVICE_DIGEST_ATTRIBUTE}=') !== 0) return;
        // Not arranged for a panel (the page will be): the sheet opens over the skeleton as it is, so nothing moves.
        finder.insertAdjacentHTML('afterend', html);
      })
      // No digest (offline, a failed request): the page starts as it would have.
      .then(null, function () {})
      .then(function () { return painted; })
      .then(function () { afterNextFrame(start); });
  } else {
    afterFirstPaint(start);
  }
  // Should no paint be reported (a browser that throttles this page), or the digest be slow, the page still starts.
  setTimeout(start, ${AFTER_FIRST_PAINT_FALLBACK_MS});
})();
`;

/** The script as shipped: its comment lines and indentation dropped (it counts in the first view's bytes). */
export const AFTER_FIRST_PAINT_SCRIPT_SHIPPED = AFTER_FIRST_PAINT_SCRIPT.split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('//'))
  .join('\n');

/**
 * The built index.html with its module script and preloads moved into the inert template, and the
 * script file (at `scriptHref`) that starts them after the first paint, with the dataset worker's
 * script (at `datasetWorkerHref`) first. Stylesheets stay where they are.
 */
export function withScriptsAfterFirstPaint(html: string, scriptHref: string, datasetWorkerHref?: string): string {
  const deferred: string[] = [];
  const rest = html.replace(
    /[ \t]*<(?:script type="module"[^>]*><\/script>|link rel="(?:modulepreload|preload)"[^>]*>)\n?/g,
    (tag) => {
      deferred.push(tag.trim());
      return '';
    },
  );
  if (deferred.length === 0) return html;
  // The scripts before the data: on a host that serves six requests at a time, a script asked for
  // after the data (React DOM's, preloaded last by the build) waited for the data's downloads.
  const isData = (tag: string) => /^<link rel="preload"/.test(tag);
  deferred.sort((a, b) => Number(isData(a)) - Number(isData(b)));
  const tags =
    `    <script defer src="${scriptHref}"></script>\n` +
    `    <template id="${AFTER_FIRST_PAINT_TEMPLATE_ID}"${datasetWorkerHref ? ` ${DATASET_WORKER_ATTRIBUTE}="${datasetWorkerHref}"` : ''}>${deferred.join('')}</template>\n`;
  return rest.replace(/[ \t]*<\/head>/, `${tags}  </head>`);
}
