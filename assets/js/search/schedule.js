// schedule.js: long work in short tasks. The search and the rendering of
// results run in slices of a few milliseconds and yield to the browser in
// between, so that no task blocks input or painting for long (the goal: no
// task over 50 ms on a phone's CPU, four times slower than a laptop's).
// New results are put on the page a few at a time, one batch per frame, so
// that the browser lays out and paints each batch before the next.

// sliceMs is the time a slice runs before it yields.
export const sliceMs = 8;

// yieldToMain resolves in a new task, after the browser has had its turn.
export function yieldToMain() {
  if (globalThis.scheduler && scheduler.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// afterFrame resolves in a task after the next frame has been rendered
// (requestAnimationFrame, then a task). A hidden page renders no frames:
// there it resolves in a new task, and the browser lays out on its return.
export function afterFrame() {
  return new Promise((resolve) => {
    if (document.hidden) setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

// cancelled is thrown by a slicer's pause once its work is no longer wanted.
export const cancelled = new Error("cancelled");

// slicer returns a function that resolves at once while the current slice
// has time left, and after yielding once it has not. When live() turns
// false (a newer query started), it throws cancelled instead.
export function slicer(live = () => true) {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < sliceMs) return;
    await yieldToMain();
    if (!live()) throw cancelled;
    start = performance.now();
  };
}
