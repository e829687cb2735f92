/** One transcript line. The harness turns these into reporter `onLog` events and the stage's `log`. */
export type LogLevel = 'info' | 'debug' | 'success' | 'error' | 'program';

export type LogSink = (level: LogLevel, text: string) => void;

/**
 * The stage logger: one `log(level, text)` underneath, with prefixes pushed per connection
 * (`[client-1] $ curl -v ...`). Wire code never imports it; it receives hooks built from it.
 */
export class Logger {
  constructor(
    private readonly sink: LogSink,
    private readonly prefix = '',
  ) {}

  /** A logger whose lines start with `[name]`, for one connection or client. */
  child(name: string): Logger {
    return new Logger(this.sink, `${this.prefix}[${name}] `);
  }

  info(text: string): void {
    this.write('info', text);
  }
  /** Raw bytes and other detail, shown only with `--debug`. */
  debug(text: string): void {
    this.write('debug', text);
  }
  success(text: string): void {
    this.write('success', text);
  }
  error(text: string): void {
    this.write('error', text);
  }
  /** A line of the learner's own output. */
  program(line: string): void {
    this.sink('program', `[your_program] ${line}`);
  }

  private write(level: LogLevel, text: string): void {
    for (const line of text.split('\n')) this.sink(level, this.prefix + line);
  }
}
