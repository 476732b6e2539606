import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'

export interface VirtualListProps<T> {
  items: T[]
  /** Every row's height in px (fixed, so the list never measures rows) */
  rowHeight: number
  /** Rows drawn above and below the visible ones. @default 8 */
  overscan?: number
  label: string
  renderRow: (item: T, index: number) => ComponentChildren
  /** Shown instead of rows when there are none */
  empty?: ComponentChildren
}

/**
 * A list that draws only the rows in view (plus a few), so a folder of 10,000 entries costs as
 * much to show and scroll as one of 40. Rows keep their place in the list for assistive
 * technology (`aria-rowindex`, `aria-rowcount`).
 */
export function VirtualList<T> (props: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(480)
  const overscan = props.overscan ?? 8
  // an empty grid is not a grid: the message stands alone
  const empty = props.items.length === 0
  useEffect(() => {
    const el = ref.current
    if (el == null) return
    const observer = new ResizeObserver(() => { setHeight(el.clientHeight) })
    observer.observe(el)
    return () => { observer.disconnect() }
  }, [])
  const first = Math.max(0, Math.floor(scrollTop / props.rowHeight) - overscan)
  const last = Math.min(props.items.length, Math.ceil((scrollTop + height) / props.rowHeight) + overscan)
  const rows: ComponentChildren[] = []
  for (let i = first; i < last; i++) {
    rows.push(
      <div role="row" aria-rowindex={i + 1} class="vrow" key={i} style={{ top: `${i * props.rowHeight}px`, height: `${props.rowHeight}px` }}>
        {props.renderRow(props.items[i], i)}
      </div>
    )
  }
  return (
    <div ref={ref} class="vlist" role={empty ? undefined : 'grid'} aria-label={empty ? undefined : props.label} aria-rowcount={empty ? undefined : props.items.length}
      onScroll={e => { setScrollTop((e.currentTarget as HTMLDivElement).scrollTop) }}>
      {empty
        ? <p class="empty">{props.empty}</p>
        : <div class="vlist-inner" role="rowgroup" style={{ height: `${props.items.length * props.rowHeight}px` }}>{rows}</div>}
    </div>
  )
}
