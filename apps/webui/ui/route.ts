/** Hash routes: `#/files/a/b` is the Files view at `/a/b` */
export function navigate (view: string, rest = ''): void {
  location.hash = `#/${view}${rest.split('/').map(encodeURIComponent).join('/')}`
}
