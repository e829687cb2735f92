/**
 * The contract between a connection and a protocol's pure decoder (STYLE §5): given every byte received
 * and not yet consumed, say whether they begin with a complete value, need more bytes, or cannot be valid.
 * A decoder never throws on any input; the connection treats a throw as a grader bug.
 */
export type DecodeResult<T> =
  | { ok: true; value: T; consumed: number }
  /** `waitingFor` completes "still waiting for …" in timeout and EOF messages ("3 more body bytes"). */
  | { ok: false; kind: 'incomplete'; waitingFor?: string }
  /** `offset` indexes the byte that breaks `message`'s rule, within the buffer the decoder was given. */
  | { ok: false; kind: 'invalid'; offset: number; message: string };

export type Decoder<T> = (buf: Buffer) => DecodeResult<T>;

/** Observers for logging (the connection never imports the logger). */
export interface ConnectionHooks {
  onSend?(bytes: Buffer): void;
  onReceive?(bytes: Buffer): void;
  /** Called once: the peer closed (`eof`), the connection broke (`reset`), or the grader closed it (`local`). */
  onClose?(how: 'eof' | 'reset' | 'local'): void;
}
