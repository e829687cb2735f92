/**
 * One line of advice per way a connection ends badly (STYLE §6: one table keyed by error code), so
 * every track words the same situation the same way.
 */
const HINTS: Record<string, string> = {
  ECONNRESET:
    'A reset usually means your program crashed, or closed the socket before reading everything the grader sent; ' +
    'check the [your_program] output above.',
  EPIPE: 'Your program closed the connection while the grader was still sending; check the [your_program] output above.',
  EOF: 'If your program did not crash (see the [your_program] output above), make sure it writes the whole reply before closing.',
};

export function hintFor(code: string | undefined): string | undefined {
  return code === undefined ? undefined : HINTS[code];
}
