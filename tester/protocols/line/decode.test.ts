import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine } from './decode.js';

const b = (text: string) => Buffer.from(text, 'latin1');

describe('decodeLine', () => {
  it('returns one line without its \\n and says how much it consumed', () => {
    expect(decodeLine(b('hello\nworld\n'))).toEqual({ ok: true, value: b('hello'), consumed: 6 });
    expect(decodeLine(b('\n'))).toEqual({ ok: true, value: b(''), consumed: 1 });
  });
  it('waits for the \\n, saying how much has arrived', () => {
    expect(decodeLine(b(''))).toEqual({ ok: false, kind: 'incomplete', waitingFor: 'a line' });
    expect(decodeLine(b('hel'))).toEqual({ ok: false, kind: 'incomplete', waitingFor: 'the \\n that ends a line (3 bytes so far)' });
  });
  it('rejects \\r\\n unless allowed, pointing at the \\r', () => {
    expect(decodeLine(b('hi\r\n'))).toEqual({
      ok: false,
      kind: 'invalid',
      offset: 2,
      message: 'expected a line to end with \\n alone, got \\r\\n (this protocol ends lines with LF only)',
    });
    expect(decodeLine(b('hi\r\n'), { allowCrlf: true })).toEqual({ ok: true, value: b('hi'), consumed: 4 });
    expect(decodeLine(b('a\rb\n'))).toEqual({ ok: true, value: b('a\rb'), consumed: 4 });
  });
  it('rejects a line longer than the limit, with or without its \\n yet', () => {
    expect(decodeLine(b('abcdef'), { maxLength: 4 })).toMatchObject({ ok: false, kind: 'invalid', offset: 4 });
    expect(decodeLine(b('abcdef\n'), { maxLength: 4 })).toMatchObject({ ok: false, kind: 'invalid', offset: 4 });
    expect(decodeLine(b('abcd\n'), { maxLength: 4 })).toMatchObject({ ok: true, consumed: 5 });
  });
  it('never throws, and fed byte by byte finds the same first line as fed whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const whole = decodeLine(Buffer.from(bytes), { maxLength: 32 });
        let prefix: ReturnType<typeof decodeLine> = { ok: false, kind: 'incomplete' };
        for (let n = 0; n <= bytes.length && !(prefix.ok || prefix.kind === 'invalid'); n++) {
          prefix = decodeLine(Buffer.from(bytes.subarray(0, n)), { maxLength: 32 });
        }
        expect(prefix).toEqual(whole.ok || whole.kind === 'invalid' ? whole : prefix);
      }),
    );
  });
});
