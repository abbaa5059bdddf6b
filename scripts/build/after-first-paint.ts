/**
 * The scripts and the data are asked for once the page's skeleton has been painted. The first paint
 * needs only the HTML (which carries the skeleton) and the stylesheet: on a slow link the stylesheet
 * should not share the bandwidth with 130 KB of script and 650 KB of data, and Lighthouse's model of
 * a phone counts every request finished before the largest paint as holding it back. On a fast link
 * the scripts start a frame later than they would have.
 *
 * index.html keeps the tags Vite wrote (the entry module, its module preloads, the data preloads),
 * inert in a <template>; a small script file (not inline: the Content-Security-Policy forbids
 * inline script) copies them into the head after the first frame, or at once in a page opened in
 * the background, which paints no frame.
 */

export const AFTER_FIRST_PAINT_TEMPLATE_ID = 'app-after-first-paint';

/** How many of the tags are started in one task: the entry script first, then its preloads, then the data's. */
export const AFTER_FIRST_PAINT_BATCH = 6;

/** The script file's source: plain ES5, run as a classic deferred script. */
export const AFTER_FIRST_PAINT_SCRIPT = `(function () {
  var template = document.getElementById('${AFTER_FIRST_PAINT_TEMPLATE_ID}');
  if (!template) return;
  var started = false;
  var sources = template.content.children;
  var next = 0;
  // Each insertion starts a request (about a millisecond on a small machine): a few per task, so
  // that the thirty-odd of them are not one long task.
  function insertSome() {
    for (var count = 0; count < ${AFTER_FIRST_PAINT_BATCH} && next < sources.length; count++, next++) {
      var source = sources[next];
      var element = document.createElement(source.tagName.toLowerCase());
      for (var j = 0; j < source.attributes.length; j++) element.setAttribute(source.attributes[j].name, source.attributes[j].value);
      document.head.appendChild(element);
    }
    if (next < sources.length) setTimeout(insertSome, 0);
  }
  function start() {
    if (started) return;
    started = true;
    insertSome();
  }
  if (document.visibilityState === 'hidden') return start();
  // A frame's callbacks run just before it paints; a task queued from one runs after the paint.
  requestAnimationFrame(function () { setTimeout(start, 0); });
  // Should no frame come (a browser that throttles this page), the page still starts.
  setTimeout(start, 1000);
})();
`;

/** The script as shipped: its comment lines and indentation dropped (it counts in the first view's bytes). */
export const AFTER_FIRST_PAINT_SCRIPT_SHIPPED = AFTER_FIRST_PAINT_SCRIPT.split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('//'))
  .join('\n');

/**
 * The built index.html with its module script and preloads moved into the inert template, and the
 * script file (at `scriptHref`) that starts them after the first paint. Stylesheets stay where they are.
 */
export function withScriptsAfterFirstPaint(html: string, scriptHref: string): string {
  const deferred: string[] = [];
  const rest = html.replace(
    /[ \t]*<(?:script type="module"[^>]*><\/script>|link rel="(?:modulepreload|preload)"[^>]*>)\n?/g,
    (tag) => {
      deferred.push(tag.trim());
      return '';
    },
  );
  if (deferred.length === 0) return html;
  const tags =
    `    <script defer src="${scriptHref}"></script>\n` +
    `    <template id="${AFTER_FIRST_PAINT_TEMPLATE_ID}">${deferred.join('')}</template>\n`;
  return rest.replace(/[ \t]*<\/head>/, `${tags}  </head>`);
}
