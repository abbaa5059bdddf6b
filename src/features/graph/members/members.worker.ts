/**
 * Works out the named CCGs of a scope at every month off the page's main thread (parsing and
 * checking the place data takes a few hundred milliseconds on a small machine). The page sends
 * the two files' text and the scope; the reply is the frames (compute.ts).
 */
import { computeMembers } from './compute';

self.addEventListener('message', (event: MessageEvent<{ placesText: string; layoutText: string; scope: string }>) => {
  const { placesText, layoutText, scope } = event.data;
  let reply;
  try {
    reply = computeMembers(placesText, layoutText, scope);
  } catch (error) {
    reply = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
});
