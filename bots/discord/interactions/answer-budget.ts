/** Discord waits 3 s for an interaction response: work that may take longer is raced against a budget. */

export type Raced<T> = { done: true; value: T } | { done: false };

export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<Raced<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), Math.max(0, budgetMs));
  });
  const settled = work.then((value): Raced<T> => ({ done: true, value }));
  // A rejection after the budget ran out has no one waiting for it; observe it so it is not unhandled.
  settled.catch(() => undefined);
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
