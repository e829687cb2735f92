import type { Mismatch } from '../../expect/mismatch.js';
import { StageFailure } from '../../harness/errors.js';
import { describeResponse } from './dump.js';
import { type HttpResponse, headerValues } from './message.js';

export { body } from './expect-body.js';

/** A declarative check on a response (STYLE §4): undefined when it holds. */
export interface ResponseExpectation {
  check(response: HttpResponse): Mismatch | undefined;
}

export function status(code: number): ResponseExpectation {
  return {
    check(response) {
      if (response.status === code) return undefined;
      const line = `HTTP/1.1 ${response.status} ${response.reason}`;
      return { message: `Expected status code ${code}, got ${response.status} (status line "${line}").` };
    },
  };
}

export type HeaderValueCheck = string | RegExp | ((value: string) => boolean);

/** Header names compared without case or separators, to spot `Content_Type` and `ContentType`. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_ ]/g, '');
}

/**
 * A header whose value (repeated fields joined with `, `) equals a string, matches a RegExp, or passes
 * a predicate. `label` says what a correct value looks like ("GET and HEAD, in any order").
 */
export function header(name: string, expected: HeaderValueCheck, label?: string): ResponseExpectation {
  const described = typeof expected === 'string' ? `"${expected}"` : expected instanceof RegExp ? `a value matching ${expected}` : '';
  const wanted = label ?? (described || 'a valid value');
  const holds = (value: string): boolean =>
    typeof expected === 'string' ? value === expected : expected instanceof RegExp ? expected.test(value) : expected(value);
  return {
    check(response) {
      const values = headerValues(response, name);
      if (values.length === 0) {
        const near = response.headers.find(([n]) => looseName(n) === looseName(name));
        const spelling = near ? ` It has "${near[0]}: ${near[1]}": check the spelling of the name.` : '';
        return { message: `Expected a ${name} header (${wanted}), but the response has none.${spelling}` };
      }
      const value = values.join(', ');
      if (holds(value)) return undefined;
      if (values.length > 1) {
        const listed = values.map((v) => `"${v}"`).join(', ');
        return { message: `Expected one ${name} header (${wanted}), got ${values.length}: ${listed}.` };
      }
      const isCaseOnly = typeof expected === 'string' && value.toLowerCase() === expected.toLowerCase();
      const caseOnly = isCaseOnly ? ' (it differs only in letter case)' : '';
      return { message: `Expected ${name} to be ${wanted}, got "${value}"${caseOnly}.` };
    },
  };
}

export function noHeader(name: string): ResponseExpectation {
  return {
    check(response) {
      const values = headerValues(response, name);
      if (values.length === 0) return undefined;
      return { message: `Expected no ${name} header, but the response has "${name}: ${values.join(', ')}".` };
    },
  };
}

/** What the failure message says about the request: `GET /echo/abc`, plus how to replay it. */
export interface ResponseContext {
  request: string;
  reproduce?: string;
  hint?: string;
}

/** Throws a StageFailure for the first expectation that fails: its message, the request, and the response head. */
export function expectResponse(
  response: HttpResponse,
  expectations: ResponseExpectation[],
  context: string | ResponseContext,
): void {
  const ctx = typeof context === 'string' ? { request: context } : context;
  for (const expectation of expectations) {
    const mismatch = expectation.check(response);
    if (!mismatch) continue;
    throw new StageFailure(`${mismatch.message}\nRequest: ${ctx.request}\n${describeResponse(response)}`, {
      reproduce: ctx.reproduce,
      hint: mismatch.hint ?? ctx.hint,
    });
  }
}
