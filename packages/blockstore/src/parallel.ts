/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure */
export async function forEachLimit <T> (items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++
      try {
        await fn(items[index], index)
      } catch (err) {
        failed = true
        throw err
      }
    }
  }
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  const rejected = results.find(r => r.status === 'rejected')
  if (rejected != null) throw (rejected as PromiseRejectedResult).reason
}
