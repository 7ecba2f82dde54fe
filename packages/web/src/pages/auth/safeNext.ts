/** A `next` target only when it is a path on this site, so a link cannot send people elsewhere. */
export function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
