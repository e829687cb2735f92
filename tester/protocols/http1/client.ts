import { countBytes, escapeBytes, escapeUnquoted } from '../../expect/escape-bytes.js';
import { InternalError, StageFailure } from '../../harness/errors.js';
import type { TcpConnection } from '../tcp/connection.js';
import { type Target, curlCommand, ncCommand } from './curl.js';
import { decodeResponse } from './decode.js';
import { encodeRequest, withDefaults } from './encode.js';
import { type ResponseExpectation, expectResponse } from './expect.js';
import { type HttpRequest, type HttpResponse, header, isBodiless } from './message.js';
import { unreadBytesAdvice } from './unread.js';

export interface HttpClientHooks {
  /** Before sending; `reproduce` is a curl or nc line (empty for the 2nd.. requests of a pipelined batch). */
  onRequest?(request: HttpRequest, reproduce: string): void;
  /** Before sending bytes given by `sendRaw`. */
  onRawRequest?(bytes: Buffer, reproduce: string): void;
  onResponse?(response: HttpResponse): void;
}

export interface SendOptions {
  /** Split the bytes into several writes: at these byte offsets, or one byte per write. */
  pieces?: number[] | 'bytewise';
  /** Milliseconds between pieces, so each reaches the program in its own read (fragmentation stages). */
  gapMs?: number;
  /** Send the request exactly as given, without `withDefaults` (no Host, no Content-Length added). */
  asIs?: boolean;
}

/** A request sent and not yet answered: responses come back in this order (pipelining). */
interface Pending {
  method: string;
  label: string;
  reproduce: string;
}

/** `GET /echo/abc`: how failure messages name a request. */
function requestLabel(request: HttpRequest): string {
  return `${request.method} ${request.target}`.slice(0, 100);
}

/** Splits `bytes` for `SendOptions.pieces`. */
function split(bytes: Buffer, pieces: SendOptions['pieces']): Buffer[] {
  if (pieces === undefined) return [bytes];
  if (pieces === 'bytewise') return [...bytes].map((byte) => Buffer.from([byte]));
  const cuts = [0, ...pieces, bytes.length];
  if (cuts.some((cut, i) => i > 0 && cut <= (cuts[i - 1] ?? 0))) {
    const given = pieces.join(', ');
    throw new InternalError(`pieces must be increasing offsets inside the ${bytes.length}-byte request, got [${given}]`);
  }
  return cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end));
}

/**
 * The HTTP/1.1 client stages use: sends requests (whole, in pieces, pipelined, or raw bytes), reads
 * responses strictly in order, and says how to replay each request by hand.
 */
export class HttpClient {
  readonly connection: TcpConnection;
  /** The Host header value added by `withDefaults` (`localhost:4221`). */
  readonly host: string;
  private readonly hooks: HttpClientHooks;
  private readonly timeoutMs: number;
  private readonly target: Target;
  private readonly pending: Pending[] = [];
  private last: HttpResponse | undefined;
  private lastMethod = 'GET';

  constructor(connection: TcpConnection, options: { host: string; hooks?: HttpClientHooks; timeoutMs?: number }) {
    this.connection = connection;
    this.host = options.host;
    this.hooks = options.hooks ?? {};
    this.timeoutMs = options.timeoutMs ?? 5000;
    const loopback = ['127.0.0.1', '::1', 'localhost'].includes(connection.host);
    this.target = { host: loopback ? 'localhost' : connection.host, port: connection.port };
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<void> {
    const full = options.asIs ? request : withDefaults(request, this.host);
    const bytes = encodeRequest(full);
    const reproduce = options.pieces === undefined ? curlCommand(full, this.target) : ncCommand(bytes, this.target);
    this.hooks.onRequest?.(full, reproduce);
    this.pending.push({ method: full.method, label: requestLabel(full), reproduce });
    await this.connection.writePieces(split(bytes, options.pieces), { gapMs: options.gapMs });
  }

  /** Several requests in ONE write; read their responses in order afterwards. */
  async sendPipelined(requests: HttpRequest[], options: { asIs?: boolean } = {}): Promise<void> {
    const full = requests.map((request) => (options.asIs ? request : withDefaults(request, this.host)));
    const bytes = Buffer.concat(full.map(encodeRequest));
    const reproduce = ncCommand(bytes, this.target);
    for (const [i, request] of full.entries()) {
      this.hooks.onRequest?.(request, i === 0 ? reproduce : '');
      this.pending.push({ method: request.method, label: requestLabel(request), reproduce });
    }
    await this.connection.write(bytes);
  }

  /** Bytes that need not be a valid request (bad-request stages). The method is read from them unless given. */
  async sendRaw(bytes: Buffer | string, options: Pick<SendOptions, 'pieces'> & { method?: string } = {}): Promise<void> {
    const buf = Buffer.from(bytes);
    const reproduce = ncCommand(buf, this.target);
    this.hooks.onRawRequest?.(buf, reproduce);
    const firstLine = buf.subarray(0, 100).toString('latin1').split(/\r?\n/)[0] ?? '';
    const method = options.method ?? /^[A-Z]+(?= )/.exec(firstLine)?.[0] ?? 'GET';
    this.pending.push({ method, label: escapeUnquoted(Buffer.from(firstLine, 'latin1')), reproduce });
    await this.connection.writePieces(split(buf, options.pieces));
  }

  /** The next response, for the oldest unanswered request (its method decides whether a body follows). */
  async readResponse(options: { method?: string; timeoutMs?: number; what?: string } = {}): Promise<HttpResponse> {
    const pending = this.pending.shift();
    const method = options.method ?? pending?.method ?? 'GET';
    const what = options.what ?? (pending ? `an HTTP response to \`${pending.label}\`` : 'an HTTP response');
    let response: HttpResponse;
    try {
      const timeoutMs = options.timeoutMs ?? this.timeoutMs;
      response = await this.connection.read((buf) => decodeResponse(buf, { method }), { what, timeoutMs });
    } catch (error) {
      if (error instanceof StageFailure) {
        error.reproduce ??= pending?.reproduce;
        error.hint = this.followUpHint() ?? error.hint;
      }
      throw error;
    }
    this.last = response;
    this.lastMethod = method;
    this.hooks.onResponse?.(response);
    return response;
  }

  async request(request: HttpRequest, options: SendOptions & { timeoutMs?: number } = {}): Promise<HttpResponse> {
    await this.send(request, options);
    return this.readResponse({ timeoutMs: options.timeoutMs });
  }

  /**
   * Sends, reads, checks every expectation, and (when no other response is outstanding) that nothing
   * follows the response. Failures carry the request's curl line.
   */
  async expect(
    request: HttpRequest,
    expectations: ResponseExpectation[],
    options: SendOptions & { timeoutMs?: number; hint?: string } = {},
  ): Promise<HttpResponse> {
    await this.send(request, options);
    if (this.pending.length > 1) {
      throw new InternalError(`expect() needs every earlier response read first; ${this.pending.length - 1} are unread`);
    }
    const sent = this.pending.at(-1);
    const response = await this.readResponse({ timeoutMs: options.timeoutMs });
    const context = { request: sent?.label ?? request.method, reproduce: sent?.reproduce, hint: options.hint };
    expectResponse(response, expectations, context);
    if (this.pending.length === 0) this.expectNoUnreadBytes();
    return response;
  }

  /** Fails if bytes already received follow the last response (no waiting: what has arrived by now). */
  expectNoUnreadBytes(): void {
    const extra = this.connection.unreadBytes();
    if (extra.length === 0) return;
    const advice = this.last ? unreadBytesAdvice(this.last, this.lastMethod) : '';
    const found = `Found ${countBytes(extra.length, 'unread')} after the response: ${escapeBytes(extra)}.`;
    throw new StageFailure(advice ? `${found} ${advice}` : found);
  }

  /** Passes when the program closes the connection within `timeoutMs`, with nothing more sent. */
  expectClose(options: { what?: string; timeoutMs?: number } = {}): Promise<void> {
    const what = options.what ?? 'the connection to close';
    return this.connection.expectEof({ what, timeoutMs: options.timeoutMs ?? this.timeoutMs });
  }

  /** Advice that only a client which has seen an earlier response on this connection can give. */
  private followUpHint(): string | undefined {
    const last = this.last;
    if (!last) return undefined;
    if (this.connection.closeReason === 'eof' && this.connection.unreadBytes().length === 0) {
      return (
        'Your program closed the connection after answering the previous request; HTTP/1.1 connections stay ' +
        'open for further requests unless a request says "Connection: close".'
      );
    }
    if (last.framing !== 'none' || isBodiless(this.lastMethod, last.status)) return undefined;
    if (header(last, 'content-length') !== undefined) return undefined;
    return (
      'The previous response had no Content-Length, so the grader read its body as empty; ' +
      'body bytes sent after it are read as the start of this response.'
    );
  }
}
