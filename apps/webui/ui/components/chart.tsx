import { formatBytes } from '../format.ts'

export interface RatePoint { t: number, in: number, out: number }

/**
 * Bandwidth over the last minutes as two SVG lines (in, out), scaled to the largest rate shown;
 * the figures beside it carry the same numbers as text.
 */
export function BandwidthChart (props: { points: RatePoint[], spanMs: number }) {
  const W = 600
  const H = 160
  const now = props.points.length > 0 ? props.points[props.points.length - 1].t : Date.now()
  const max = Math.max(1024, ...props.points.map(p => Math.max(p.in, p.out)))
  const x = (t: number): number => W - ((now - t) / props.spanMs) * W
  const y = (v: number): number => H - (v / max) * (H - 8)
  const line = (key: 'in' | 'out'): string => props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')
  const last = props.points[props.points.length - 1]
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img"
        aria-label={`Bandwidth over the last ${Math.round(props.spanMs / 60000)} minutes, peak ${formatBytes(max)}/s`}>
        <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} class="axis" />
        <path d={line('in')} class="rate-in" />
        <path d={line('out')} class="rate-out" />
      </svg>
      <figcaption>
        <span class="key-in">In {formatBytes(last?.in ?? 0)}/s</span>
        <span class="key-out">Out {formatBytes(last?.out ?? 0)}/s</span>
        <span>Scale {formatBytes(max)}/s</span>
      </figcaption>
    </figure>
  )
}
