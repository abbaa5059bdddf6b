/**
 * One question to a worker, with the page as its fallback: the worker is started, sent `message`,
 * and its one reply is the answer; where no worker can start or it fails, `here` works the answer
 * out on the page instead. The worker is made by the caller (`new Worker(new URL('./x.worker.ts',
 * import.meta.url), …)` must stay in the caller's own module for the build to bundle the worker).
 */
export function askWorkerOnce<Answer>(
  makeWorker: () => Worker,
  message: unknown,
  here: () => Answer | Promise<Answer>,
): Promise<Answer> {
  if (typeof Worker === 'undefined') return Promise.resolve(here());
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = makeWorker();
    } catch {
      void Promise.resolve(here()).then(resolve);
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<Answer>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      void Promise.resolve(here()).then(resolve);
    });
    worker.postMessage(message);
  });
}
