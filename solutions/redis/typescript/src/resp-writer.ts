/**
 * A reply as commands build it. Commands return values, not bytes, so that EXEC can collect the replies of its
 * queued commands into one array, and pub/sub can push messages built the same way.
 *
 * `sequence` is not a RESP type: it is several replies sent one after the other, for the commands that answer
 * more than once (`SUBSCRIBE a b` confirms each channel with a reply of its own), or not at all for now (a BLPOP
 * that blocks is answered later, when a value or the timeout comes).
 */
export type Reply =
  | { kind: 'simple'; text: string }
  | { kind: 'error'; message: Buffer }
  | { kind: 'integer'; value: bigint }
  | { kind: 'bulk'; value: Buffer | null }
  | { kind: 'array'; items: readonly Reply[] | null }
  | { kind: 'sequence'; replies: readonly Reply[] };

export const OK: Reply = { kind: 'simple', text: 'OK' };
/** `$-1`: what GET answers for a missing key. */
export const NULL_BULK: Reply = { kind: 'bulk', value: null };
/** `*-1`: the null array, what BLPOP answers on timeout and EXEC when a watched key changed. */
export const NULL_ARRAY: Reply = { kind: 'array', items: null };
/** `*0` */
export const EMPTY_ARRAY: Reply = { kind: 'array', items: [] };
/** Nothing on the wire: the command is answered later (or never, a client that waits and disconnects). */
export const NO_REPLY: Reply = { kind: 'sequence', replies: [] };

export function simple(text: string): Reply {
  return { kind: 'simple', text };
}

/** An error reply. The message is whole (`ERR ...`, `WRONGTYPE ...`), and may hold bytes the client sent. */
export function error(message: Buffer | string): Reply {
  return { kind: 'error', message: typeof message === 'string' ? Buffer.from(message, 'latin1') : message };
}

export function integer(value: bigint | number): Reply {
  return { kind: 'integer', value: BigInt(value) };
}

export function bulk(value: Buffer | string): Reply {
  return { kind: 'bulk', value: typeof value === 'string' ? Buffer.from(value, 'latin1') : value };
}

export function array(items: readonly Reply[]): Reply {
  return { kind: 'array', items };
}

/** An array of bulk strings, the shape of LRANGE's and KEYS's answers. */
export function bulkArray(values: readonly Buffer[]): Reply {
  return { kind: 'array', items: values.map((value) => bulk(value)) };
}

/** Several replies, one after the other (see Reply). */
export function sequence(replies: readonly Reply[]): Reply {
  return { kind: 'sequence', replies };
}

const CRLF = Buffer.from('\r\n');

/**
 * Append the RESP2 encoding of `reply` to `out`. Pieces, not one buffer: a bulk string's data is appended as it
 * is, not copied, and the connection writes a whole batch of replies at once.
 */
export function encode(reply: Reply, out: Buffer[]): void {
  switch (reply.kind) {
    case 'simple':
      out.push(Buffer.from(`+${reply.text}\r\n`, 'latin1'));
      return;
    case 'error':
      // An error is one line: Redis blanks out any CR or LF (they may come from the client's own bytes, as in
      // "unknown command '<name>'") rather than emit a broken reply.
      out.push(Buffer.from('-'), oneLine(reply.message), CRLF);
      return;
    case 'integer':
      out.push(Buffer.from(`:${reply.value}\r\n`, 'latin1'));
      return;
    case 'bulk':
      if (reply.value === null) {
        out.push(Buffer.from('$-1\r\n'));
      } else {
        out.push(Buffer.from(`$${reply.value.length}\r\n`), reply.value, CRLF);
      }
      return;
    case 'array':
      if (reply.items === null) {
        out.push(Buffer.from('*-1\r\n'));
        return;
      }
      out.push(Buffer.from(`*${reply.items.length}\r\n`));
      for (const item of reply.items) encode(item, out);
      return;
    case 'sequence':
      for (const item of reply.replies) encode(item, out);
      return;
  }
}

/** A copy of `bytes` with every CR and LF replaced by a space. */
function oneLine(bytes: Buffer): Buffer {
  const line = Buffer.from(bytes);
  for (let i = 0; i < line.length; i++) if (line[i] === 0x0d || line[i] === 0x0a) line[i] = 0x20;
  return line;
}
