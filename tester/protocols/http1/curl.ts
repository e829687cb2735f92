import { MAX_SHOWN_BYTES, printfCommand, shellQuote, truncationNote } from '../shell.js';
import { encodeRequest } from './encode.js';
import { type HttpRequest, headerValues } from './message.js';

/**
 * One-line commands a learner can paste to replay a request by hand: `curl -v …` when curl would send
 * the same request, `printf '…' | nc …` when it cannot (malformed lines, chunked or mis-framed bodies,
 * pipelining, byte-by-byte sends, where nc at least delivers the same bytes).
 */

export interface Target {
  /** The host name in the URL; curl derives its Host header, `host:port`, from it. */
  host: string;
  port: number;
}

/** `printf '…' | nc localhost 4221`: replays any bytes. */
export function ncCommand(bytes: Buffer, target: Target): string {
  const printf = printfCommand(bytes);
  return `${printf} | nc ${target.host} ${target.port}${truncationNote(bytes.length)}`;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
/** Printable, no surrounding spaces (curl would trim them), not empty (`-H 'X:'` removes a header). */
const CURL_SAFE_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;
/** Targets curl sends unchanged (plus --path-as-is for dot segments; no `#`, no globbing brackets). */
const CURL_SAFE_TARGET = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

function curlCanSend(request: HttpRequest, body: Buffer | undefined): boolean {
  if (!/^[A-Z]+$/.test(request.method) || !CURL_SAFE_TARGET.test(request.target)) return false;
  if (request.method === 'HEAD' && body !== undefined) return false;
  const names = request.headers.map(([name]) => name.toLowerCase());
  // curl always sends Host and computes framing itself, so requests without Host or with chunking need nc.
  if (new Set(names).size !== names.length || !names.includes('host') || names.includes('transfer-encoding')) {
    return false;
  }
  if (request.headers.some(([name, value]) => !TOKEN.test(name) || !CURL_SAFE_VALUE.test(value))) return false;
  const length = headerValues(request, 'content-length')[0];
  // curl computes Content-Length itself; a deliberately wrong one needs nc.
  return length === undefined ? body === undefined : body !== undefined && length === String(body.length);
}

/** `curl -v http://localhost:4221/echo/abc -H 'User-Agent: x'`, or the nc form when curl cannot say it. */
export function curlCommand(request: HttpRequest, target: Target): string {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  if (!curlCanSend(request, body)) return ncCommand(encodeRequest(request), target);
  const words = ['curl', '-v'];
  if (request.method === 'HEAD') words.push('-I');
  else if (!(request.method === 'GET' && body === undefined) && !(request.method === 'POST' && body !== undefined)) {
    words.push('-X', request.method);
  }
  if (/\/\.\.?(\/|$|\?)/.test(request.target)) words.push('--path-as-is');
  words.push(shellQuote(`http://${target.host}:${target.port}${request.target}`));
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || (lower === 'host' && value === `${target.host}:${target.port}`)) continue;
    words.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (body === undefined) return words.join(' ');
  // A leading `@` would make curl read a file of that name.
  const printable = body[0] !== 0x40 && body.every((b) => b >= 0x20 && b < 0x7f);
  if (printable && body.length <= MAX_SHOWN_BYTES) {
    return [...words, '--data-binary', shellQuote(body.toString('latin1'))].join(' ');
  }
  const printf = printfCommand(body);
  return `${printf} | ${words.join(' ')} --data-binary @-${truncationNote(body.length)}`;
}
