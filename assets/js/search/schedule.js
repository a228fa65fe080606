// schedule.js: long work in short tasks. The search and the rendering of
// results run in slices of a few milliseconds and yield to the browser in
// between, so that no task blocks input or painting for long (the goal: no
// task over 50 ms on a phone's CPU, four times slower than a laptop's).

// sliceMs is the time a slice runs before it yields.
export const sliceMs = 8;

// yieldToMain resolves in a new task, after the browser has had its turn.
export function yieldToMain() {
  if (globalThis.scheduler && scheduler.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// slicer returns a function that resolves at once while the current slice
// has time left, and after yielding once it has not.
export function slicer() {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < sliceMs) return;
    await yieldToMain();
    start = performance.now();
  };
}
