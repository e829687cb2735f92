/**
 * The HTTP track's vocabulary for stage tests: a logged client, declarative response expectations, and
 * the checks several stages share (files on disk, gzip bodies, idle closes, shutdown). Wire strictness
 * lives in tester/protocols/http1; this module only phrases it for the stages.
 */
import type { StageContext } from '../../../tester/harness/context.js';
import { decodeResponse } from '../../../tester/protocols/http1/decode.js';
import { describeResponse } from '../../../tester/protocols/http1/dump.js';
import { encodeChunked, encodeRequest, withDefaults, type ChunkSpec } from '../../../tester/protocols/http1/encode.js';
import { body as bodyIs, header as headerIs, noHeader, status as statusIs, type ResponseExpectation } from '../../../tester/protocols/http1/expect.js';
import { HttpClient, type SendOptions } from '../../../tester/protocols/http1/client.js';
import type { HttpRequest, HttpResponse } from '../../../tester/protocols/http1/message.js';
import { StageFailure } from '../../../tester/harness/errors.js';

export { header } from '../../../tester/protocols/http1/message.js';
export type { HttpResponse } from '../../../tester/protocols/http1/message.js';
export { expectFileContent, expectGzipBody } from './body-checks.js';
export { expectExitCode, expectIdleClose, expectRefusingConnections } from './lifecycle-checks.js';

export const OCTET_STREAM = 'application/octet-stream';

/**
 * A header matcher: an exact string, a RegExp, or a predicate returning true or a sentence saying what is
 * wrong. A predicate's `label` says what a right value looks like, for the failure message.
 */
export type HeaderMatcher = string | RegExp | (((value: string) => boolean | string) & { label?: string });

export function labelled(label: string, test: (value: string) => boolean | string): HeaderMatcher {
  return Object.assign(test, { label });
}

/** `text/plain`, parameters such as `; charset=utf-8` allowed (CodeCrafters' tester sends no charset either). */
export const TEXT_PLAIN = mediaType('text/plain');
/** A strong entity tag: `"` opaque `"` (RFC 9110 §8.8.3), not `W/"..."`. */
export const STRONG_ETAG: HeaderMatcher = labelled('a strong entity tag such as "3f2a9c" (quoted, no W/ prefix)', (value) =>
  /^"[\x21\x23-\x7e\x80-\xff]*"$/.test(value),
);

export function mediaType(type: string): HeaderMatcher {
  return labelled(`${type} (parameters such as ; charset=utf-8 allowed)`, (value) => value.split(';')[0]?.trim().toLowerCase() === type);
}

/** `Allow` listing exactly these methods, in any order, comma-separated (RFC 9110 §10.2.1). */
export function allowHeader(methods: string[]): HeaderMatcher {
  const wanted = [...methods].sort().join(', ');
  return labelled(`exactly ${wanted}, in any order, comma-separated`, (value) => {
    const got = value.split(',').map((m) => m.trim()).filter(Boolean).sort().join(', ');
    return got === wanted;
  });
}

export interface RequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body with `Transfer-Encoding: chunked`, one chunk per entry. */
  chunks?: string[];
  /** Give this chunk a `;ext=1` chunk extension, which servers must ignore. */
  chunkExtensionAt?: number;
}

export interface Expected {
  status?: number;
  headers?: Record<string, HeaderMatcher>;
  /** Headers that must not be present. */
  absent?: string[];
  body?: Buffer | string;
}

/** Which request a response answers, for failure messages: set by the client that read it. */
const origins = new WeakMap<HttpResponse, { label: string; reproduce: string | undefined }>();

export class HttpTestClient {
  private readonly openedAt = Date.now();

  /** The replay line of the last request sent, attached to failures of its response. */
  private lastReproduce: string | undefined;

  private constructor(
    readonly name: string,
    readonly http: HttpClient,
    private readonly log: StageContext['log'] | undefined,
  ) {}

  /** Connects to the program; `quiet` clients (load stages) log nothing per request. */
  static async open(t: StageContext, name?: string, options: { quiet?: boolean; connectTimeoutMs?: number } = {}): Promise<HttpTestClient> {
    const connection = await t.connect(name, options.connectTimeoutMs ?? 2000);
    const log = options.quiet ? undefined : t.log.child(connection.name);
    let client: HttpTestClient | undefined;
    const remember = (reproduce: string) => {
      if (client && reproduce) client.lastReproduce = reproduce;
    };
    const http = new HttpClient(connection, {
      host: `localhost:${t.port}`,
      hooks: {
        onRequest: (request, reproduce) => {
          remember(reproduce);
          log?.info(reproduce ? `$ ${reproduce}` : `  (pipelined) ${request.method} ${request.target}`);
        },
        onRawRequest: (_bytes, reproduce) => {
          remember(reproduce);
          log?.info(`$ ${reproduce}`);
        },
        onResponse: (response) => log?.info(`← ${summarize(response)}`),
      },
    });
    client = new HttpTestClient(connection.name, http, log);
    return client;
  }

  /** Milliseconds since this client connected. */
  age(): number {
    return Date.now() - this.openedAt;
  }

  /** Sends one request and reads its response; unless told otherwise, nothing may follow the response. */
  async request(
    spec: RequestSpec,
    options: { pieces?: SendOptions['pieces'] | 'head-3-body-2'; gapMs?: number; timeoutMs?: number; hint?: string; checkUnread?: boolean } = {},
  ): Promise<HttpResponse> {
    const request = toRequest(spec);
    const pieces = options.pieces === 'head-3-body-2' ? headAndBodyCuts(withDefaults(request, this.http.host)) : options.pieces;
    await this.http.send(request, { pieces, gapMs: options.gapMs });
    const response = await this.read({ method: spec.method, timeoutMs: options.timeoutMs, hint: options.hint, context: `${spec.method} ${spec.path}` });
    if (options.checkUnread !== false) withHint(() => this.http.expectNoUnreadBytes(), options.hint);
    return response;
  }

  /** All the requests in ONE write; read the responses with `read()`. */
  async sendPipelined(specs: RequestSpec[]): Promise<void> {
    await this.http.sendPipelined(specs.map(toRequest));
  }

  /** Bytes that need not be a valid request; `description` replaces the nc line in the transcript. */
  async sendRaw(bytes: Buffer | string, description?: string): Promise<void> {
    if (description === undefined) return this.http.sendRaw(bytes);
    // The rest of a request already announced (a body sent later): log it in words, not as a new request.
    this.log?.info(`→ ${description}`);
    await this.http.connection.write(bytes);
  }

  /** The next response on this connection. */
  async read(options: { method: string; timeoutMs?: number; hint?: string; context?: string }): Promise<HttpResponse> {
    const response = await withHintAsync(
      () => this.http.readResponse({ method: options.method, timeoutMs: options.timeoutMs ?? 5000 }),
      options.hint,
    );
    origins.set(response, { label: options.context ?? options.method, reproduce: this.lastReproduce });
    return response;
  }

  expectNoUnreadBytes(): void {
    this.http.expectNoUnreadBytes();
  }

  /** The program must close the connection (FIN or reset) within `timeoutMs`, sending nothing more. */
  expectClosed(what: string, timeoutMs: number): Promise<void> {
    return this.http.expectClose({ what, timeoutMs });
  }

  /** Sends `text` one piece every `intervalMs` while the connection is open, at most `count` times (slowloris). */
  async trickle(text: string, intervalMs: number, count: number): Promise<void> {
    for (let i = 0; i < count && this.http.connection.isOpen(); i++) {
      await this.pause(intervalMs);
      if (!this.http.connection.isOpen()) return;
      // The program may close between the check and the write: a failed write just ends the trickle.
      await this.http.connection.write(text).catch(() => undefined);
    }
  }

  /** Client pacing (how a slow or periodic client behaves), never a wait for the program. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  get connection() {
    return this.http.connection;
  }
}

/** Checks status, then headers, then absent headers, then the body: the order a learner fixes them in. */
export function expectResponse(response: HttpResponse, expected: Expected, context?: string): void {
  const checks: ResponseExpectation[] = [];
  if (expected.status !== undefined) checks.push(statusIs(expected.status));
  for (const [name, matcher] of Object.entries(expected.headers ?? {})) checks.push(headerCheck(name, matcher));
  for (const name of expected.absent ?? []) checks.push(noHeader(name));
  if (expected.body !== undefined) checks.push(bodyIs(expected.body));
  const origin = origins.get(response);
  for (const check of checks) {
    const mismatch = check.check(response);
    if (!mismatch) continue;
    throw new StageFailure(`${mismatch.message}\nRequest: ${context ?? origin?.label ?? '(unknown)'}\n${describeResponse(response)}`, {
      hint: mismatch.hint,
      reproduce: origin?.reproduce,
    });
  }
}

function headerCheck(name: string, matcher: HeaderMatcher): ResponseExpectation {
  if (typeof matcher !== 'function') return headerIs(name, matcher);
  let why = '';
  const base = headerIs(
    name,
    (value) => {
      const verdict = matcher(value);
      why = typeof verdict === 'string' ? verdict : '';
      return verdict === true;
    },
    matcher.label,
  );
  return {
    check(response) {
      const mismatch = base.check(response);
      return mismatch && why ? { ...mismatch, message: `${mismatch.message.replace(/\.$/, '')}: ${why}.` } : mismatch;
    },
  };
}

function toRequest(spec: RequestSpec): HttpRequest {
  const headers: [string, string][] = Object.entries(spec.headers ?? {});
  let body = spec.body;
  if (spec.chunks) {
    headers.push(['Transfer-Encoding', 'chunked']);
    const chunks: ChunkSpec[] = spec.chunks.map((data, i) => ({
      data,
      // Alternate upper- and lowercase hex sizes: both are valid (RFC 9112 §7.1, HEXDIG).
      sizeText: i % 2 ? Buffer.byteLength(data).toString(16).toUpperCase() : Buffer.byteLength(data).toString(16),
      ...(i === spec.chunkExtensionAt ? { extension: 'ext=1' } : {}),
    }));
    body = encodeChunked(chunks);
  }
  return { method: spec.method, target: spec.path, headers, ...(body === undefined ? {} : { body }) };
}

/** Byte offsets that split a request's head into 3 writes and its body into 2. */
function headAndBodyCuts(request: HttpRequest): number[] {
  const bytes = encodeRequest(request);
  const headEnd = bytes.indexOf('\r\n\r\n') + 4;
  const cuts = [Math.floor(headEnd / 3), Math.floor((2 * headEnd) / 3), headEnd];
  if (bytes.length - headEnd >= 2) cuts.push(headEnd + Math.floor((bytes.length - headEnd) / 2));
  return cuts.filter((cut, i) => cut > 0 && cut < bytes.length && cut > (cuts[i - 1] ?? 0));
}

function summarize(response: HttpResponse): string {
  const type = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const parts = [type, `${response.body.length} byte body`].filter(Boolean);
  return `HTTP/1.1 ${response.status} ${response.reason} (${parts.join(', ')})`;
}

function withHint(fn: () => void, hint: string | undefined): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof StageFailure && hint) error.hint = hint;
    throw error;
  }
}

async function withHintAsync<T>(fn: () => Promise<T>, hint: string | undefined): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StageFailure && hint) error.hint = hint;
    throw error;
  }
}

/** For checks that need to decode a response from raw bytes themselves. */
export { decodeResponse };
