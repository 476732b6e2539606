/** default-gateway 7 ships no types: the part natpmp.ts uses */
declare module 'default-gateway' {
  export interface DefaultGateway {
    gateway: string
    version: 4 | 6
    int: string | null
  }
  /** The IPv4 default route's next hop (Linux: `ip -4 r`; macOS: `netstat -rn`; Windows...) */
  export function gateway4async (): Promise<DefaultGateway>
}
