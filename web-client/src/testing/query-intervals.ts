import { timeoutManager, type TimeoutCallback } from "@tanstack/react-query";

/**
 * Takes TanStack Query's intervals (`refetchInterval` polling) off the wall clock: a poll happens when the test calls
 * `tick()`, never because time passed, so a slow machine cannot make a test see more or fewer polls. Timeouts stay
 * real. Call `restore()` when done.
 */
export function manualQueryIntervals() {
  const intervals = new Map<number, TimeoutCallback>();
  let nextId = 1;
  timeoutManager.setTimeoutProvider({
    setTimeout: (callback, delay) => setTimeout(callback, delay) as unknown as number,
    clearTimeout: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
    setInterval: (callback) => {
      const id = nextId++;
      intervals.set(id, callback);
      return id;
    },
    clearInterval: (id) => {
      if (id !== undefined) intervals.delete(Number(id));
    },
  });
  return {
    /** How many intervals are running (a query still polling). */
    get running() {
      return intervals.size;
    },
    /** One period of every running interval. */
    tick() {
      for (const callback of [...intervals.values()]) callback();
    },
    restore() {
      timeoutManager.setTimeoutProvider({
        setTimeout: (callback, delay) => setTimeout(callback, delay) as unknown as number,
        clearTimeout: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
        setInterval: (callback, delay) => setInterval(callback, delay) as unknown as number,
        clearInterval: (id) => clearInterval(id as unknown as ReturnType<typeof setInterval>),
      });
    },
  };
}
