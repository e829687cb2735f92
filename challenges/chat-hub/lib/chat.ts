/**
 * The chat track's vocabulary for stage tests: line clients that join, talk and leave, and expectations on the lines
 * they receive. Wire strictness (LF line ends, a length bound) lives in tester/protocols/line; this module phrases
 * it for the stages, and proves "nothing reached X" with events, never with waiting.
 */
import { escapeBytes } from '../../../tester/expect/escape-bytes.js';
import type { StageContext } from '../../../tester/harness/context.js';
import { InternalError, StageFailure } from '../../../tester/harness/errors.js';
import { decodeLine } from '../../../tester/protocols/line/decode.js';
import type { TcpConnection } from '../../../tester/protocols/tcp/connection.js';

const READ_TIMEOUT_MS = 3000;

/** What a received line must be. `describe` names it in messages ("a line starting with `*` that names carol"). */
export interface LineExpectation {
  describe: string;
  /** undefined when it holds, else why not (appended to "got …"). */
  check(line: string): string | undefined;
  hint?: string;
}

/** Byte for byte. */
export function exactly(text: string): LineExpectation {
  return {
    describe: `exactly ${quote(text)}`,
    check: (line) => (line === text ? undefined : difference(text, line)),
  };
}

/** `*` first, and every name in `names` as a whole word; none of `absent`. The rest of the wording is free. */
export function notice(names: string[] = [], absent: string[] = []): LineExpectation {
  // A long list would make the message unreadable; the check below says which names are missing.
  const listed = names.length === 0 ? '' : names.length <= 4 ? ` that names ${names.join(', ')}` : ` that names all ${names.length} people present`;
  const without = absent.length === 0 ? '' : ` (and not ${absent.join(', ')})`;
  return {
    describe: `a line starting with \`*\`${listed}${without}`,
    check(line) {
      if (!line.startsWith('*')) return 'but it does not start with `*`';
      const missing = names.filter((name) => !hasWord(line, name));
      if (missing.length > 0) return `but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in it (as a whole word)`;
      const extra = absent.filter((name) => hasWord(line, name));
      if (extra.length > 0) return `but it names ${extra.join(', ')}, who should not be in it`;
      return undefined;
    },
  };
}

/**
 * The listing a newcomer receives: a `*` notice naming `present` and not `self`, which must not read like a refusal
 * (`* error: …`): a server that turns a legal newcomer away would otherwise pass as long as its refusal starts with `*`.
 */
export function listing(present: string[], self: string): LineExpectation {
  const base = notice(present, [self]);
  return {
    ...base,
    describe: `${self}'s room listing, ${base.describe}`,
    check: (line) => (/\b(error|invalid|illegal|full|taken|refused)\b/i.test(line) ? 'but it reads like a refusal' : base.check(line)),
  };
}

/** `[name] text`, byte for byte: the relay format. */
export function chatLine(from: string, text: string): LineExpectation {
  const expected = `[${from}] ${text}`;
  return {
    describe: `the relayed message ${quote(expected)}`,
    check(line) {
      if (line === expected) return undefined;
      if (line === text) return 'but it is the message without the `[name] ` prefix';
      if (line === `[${from}]${text}`) return 'but the space after `]` is missing';
      if (line.startsWith(`[${from}] `) && line.length !== expected.length) {
        return `${difference(expected, line)} (the text is ${line.length - from.length - 3} characters long, expected ${text.length})`;
      }
      return difference(expected, line);
    },
  };
}

function hasWord(line: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${word}($|[^A-Za-z0-9])`).test(line);
}

function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length - max} more characters)`;
}

function quote(text: string): string {
  return escapeBytes(Buffer.from(text, 'latin1'), 120);
}

/** Where two lines first differ, for long messages. */
function difference(expected: string, actual: string): string {
  if (actual.length <= 120 && expected.length <= 120) return `got ${quote(actual)}`;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  const window = (s: string) => quote(s.slice(Math.max(0, i - 20), i + 40));
  return `got a line of ${actual.length} characters that differs from character ${i}: expected …${window(expected)}…, got …${window(actual)}…`;
}

/** One line client: logs what it sends (`→`) and receives (`←`) under its name. */
export class ChatClient {
  /** Set once the name was sent and the listing read. */
  joinedAs: string | undefined;

  private constructor(
    readonly name: string,
    readonly connection: TcpConnection,
    private readonly log: StageContext['log'],
    private quiet: boolean,
  ) {}

  /** From now on, logs nothing per line (bulk traffic); failures still say everything. */
  beQuiet(): void {
    this.quiet = true;
  }

  /** Connects; `quiet` clients (load stages) log nothing per line. */
  static async connect(t: StageContext, name: string, options: { quiet?: boolean } = {}): Promise<ChatClient> {
    const connection = await t.connect(name);
    return new ChatClient(name, connection, t.log.child(name), options.quiet ?? false);
  }

  /** Connects, reads the welcome, sends `name`, reads the listing (checked by `listing`). Returns the listing. */
  static async join(t: StageContext, name: string, expected: LineExpectation = notice(), options: { quiet?: boolean } = {}): Promise<ChatClient> {
    const client = await ChatClient.connect(t, name, options);
    await client.readWelcome();
    await client.send(name);
    const refusal = listing([], name);
    const checked: LineExpectation = { ...expected, check: (line) => (refusal.check(line) === 'but it reads like a refusal' ? refusal.check(line) : expected.check(line)) };
    await client.expectLine(checked, { what: `the room listing after sending the name ${name}` });
    client.joinedAs = name;
    return client;
  }

  async readWelcome(): Promise<string> {
    return this.readLine({
      what: 'the welcome line the server sends on connect',
      hint: 'Send one line as soon as a client connects, before it sends anything (e.g. "Welcome to budgetchat! What shall I call you?\\n").',
    });
  }

  /** Sends `text` and a `\n` (or the given line end), in one write unless `pieces`/`gapMs` split it. */
  async send(text: string, options: { ending?: string; pieces?: number; gapMs?: number } = {}): Promise<void> {
    const bytes = Buffer.from(text + (options.ending ?? '\n'), 'latin1');
    if (!this.quiet) this.log.info(`→ ${quote(text + (options.ending ?? '\n'))}${options.pieces ? ` (in ${options.pieces} writes)` : ''}`);
    if (!options.pieces) return this.connection.write(bytes);
    const size = Math.ceil(bytes.length / options.pieces);
    const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    return this.connection.writePieces(pieces, { gapMs: options.gapMs ?? 2 });
  }

  /** Bytes as they are (several lines in one write, no line end at all), logged as one escaped string. */
  async sendRaw(bytes: Buffer, description?: string): Promise<void> {
    if (!this.quiet) this.log.info(`→ ${description ?? escapeBytes(bytes, 120)}`);
    await this.connection.write(bytes);
  }

  /** The next line (LF-terminated), as latin1 text. */
  async readLine(options: { what?: string; hint?: string; timeoutMs?: number } = {}): Promise<string> {
    const what = options.what ?? 'a line';
    try {
      const bytes = await this.connection.read((buf) => decodeLine(buf), { what, timeoutMs: options.timeoutMs ?? READ_TIMEOUT_MS });
      const line = bytes.toString('latin1');
      if (!this.quiet) this.log.info(`← ${quote(line)}`);
      return line;
    } catch (error) {
      if (error instanceof StageFailure) {
        error.message = `${this.name}: ${error.message}`;
        if (options.hint && error.hint === undefined) error.hint = options.hint;
      }
      throw error;
    }
  }

  /** Reads the next line and checks it. */
  async expectLine(expected: LineExpectation, options: { what?: string; hint?: string; timeoutMs?: number } = {}): Promise<string> {
    const line = await this.readLine({ what: options.what ?? expected.describe, hint: options.hint, timeoutMs: options.timeoutMs });
    const why = expected.check(line);
    if (why !== undefined) {
      throw new StageFailure(`${this.name} expected ${expected.describe}, ${why}.\nReceived: ${escapeBytes(Buffer.from(line + '\n', 'latin1'), 300)}`, {
        hint: options.hint ?? expected.hint,
      });
    }
    return line;
  }

  /**
   * Nothing has arrived for this client (call it once a later event proves the server is past the moment that
   * mattered, e.g. another client received the barrier message). `about` says what it must not have received.
   */
  expectNothing(about: string, hint?: string): void {
    const unread = this.connection.unreadBytes();
    if (unread.length > 0) {
      throw new StageFailure(`${this.name} should not have received anything (${about}), but got: ${escapeBytes(unread, 300)}`, { hint });
    }
    if (!this.connection.isOpen()) {
      throw new StageFailure(`${this.name}'s connection was closed by the server (${about}); it should have stayed open.`, { hint });
    }
  }

  /** The server must close this connection within `timeoutMs`; lines it sends first are allowed up to `maxLines`. */
  async expectClosed(what: string, options: { timeoutMs?: number; maxLines?: number; hint?: string } = {}): Promise<string[]> {
    const lines: string[] = [];
    const timeoutMs = options.timeoutMs ?? 2000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const unread = this.connection.unreadBytes();
      if (unread.includes(0x0a)) {
        lines.push(await this.readLine({ what }));
        if (lines.length > (options.maxLines ?? 0)) {
          throw new StageFailure(`${this.name} expected the server to close the connection (${what}), but it sent ${lines.length} lines instead.`, {
            hint: options.hint,
          });
        }
        continue;
      }
      try {
        await this.connection.expectEof({ what: `the server to close the connection (${what})`, timeoutMs: Math.max(1, deadline - Date.now()) });
        // Like nc or any client program, close our side once the server has hung up: a server may wait for that
        // (Node's 'close' event) before it announces the departure.
        this.connection.end();
        return lines;
      } catch (error) {
        // expectEof fails on bytes that arrived meanwhile: read them as lines and try again.
        if (this.connection.unreadBytes().includes(0x0a) && Date.now() < deadline) continue;
        if (error instanceof StageFailure) {
          error.message = `${this.name}: ${error.message}`;
          if (options.hint) error.hint = options.hint;
        }
        throw error;
      }
    }
  }

  /** The grader closes this client (FIN), as a user quitting `nc` would. */
  leave(): void {
    if (!this.quiet) this.log.info('(disconnects)');
    this.connection.end();
  }

  static assertDistinct(names: string[]): void {
    for (const a of names) {
      for (const b of names) if (a !== b && a.includes(b)) throw new InternalError(`names ${a} and ${b} overlap (stage bug)`);
    }
  }
}

/**
 * A message of about `length` printable characters: words and single spaces, never a space at either end (Budget Chat
 * lets a server trim surrounding whitespace, so a message that depended on it would fail a correct server).
 */
export function sentence(t: StageContext, length: number): string {
  const text = t.random.text(length + 1).replace(/\n/g, ' ').replace(/ +/g, ' ').trim();
  return text.length > 0 ? text : t.random.word();
}

/** `count` distinct names of letters and digits, none inside another, from the seed. */
export function randomNames(t: StageContext, count: number): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = `${t.random.word()}${t.random.int(10, 99)}`;
    if (!names.some((other) => other.includes(name) || name.includes(other))) names.push(name);
  }
  return names;
}

/**
 * The usual opening of a stage: `names` join one after another, each listing naming everyone before it, and each
 * arrival read by everyone already there. Returns the clients in the order of `names`.
 */
export async function fillRoom(t: StageContext, names: string[]): Promise<ChatClient[]> {
  const clients: ChatClient[] = [];
  for (const name of names) {
    const client = await ChatClient.join(t, name, notice(clients.map((c) => c.joinedAs ?? '')));
    for (const member of clients) await member.expectLine(notice([name]), { what: `the announcement that ${name} joined` });
    clients.push(client);
  }
  return clients;
}
