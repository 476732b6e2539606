export interface Mtime {
  secs: bigint
  nsecs?: number
}
