import { describe, expect, it } from 'vitest';
import { reporterOptions, summary } from './fixture.js';
import { junit, renderJunit } from './junit.js';

describe('junit reporter', () => {
  it('renders one testcase per stage with the failure and the skip', async () => {
    const options = reporterOptions();
    await junit(options).onRunEnd?.(summary);
    expect(elementsOf(options.captured())).toEqual([
      'testsuites', 'testsuite', 'properties', 'property', 'testcase', 'testcase', 'failure', 'testcase', 'skipped',
    ]);
    expect(options.captured()).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites tests="3" failures="1" errors="0" skipped="1">
        <testsuite name="http-server" time="2.1" tests="3" failures="1" errors="0" skipped="1">
          <properties>
            <property name="seed" value="12345"/>
          </properties>
          <testcase classname="http-server" name="01 bind: Bind to a port" time="0.123"/>
          <testcase classname="http-server" name="02 echo: Respond with a body" time="1.234">
            <failure message="Expected body &quot;100% banana&quot;, got &quot;50% banana&quot; # halved"><![CDATA[Expected body "100% banana", got "50% banana" # halved

        - expected: 100% banana
        + received: 50% banana ]]]]><![CDATA[>

      [client-1] $ curl -v http://localhost:4221/echo/banana
      [your_program] got GET /echo/banana]]></failure>
          </testcase>
          <testcase classname="http-server" name="03 get-file: Return a file" time="0">
            <skipped/>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('has a well-formedness check that catches broken XML', () => {
    expect(() => elementsOf('<a><b></a>')).toThrow(/unbalanced/);
    expect(() => elementsOf('<a x="1 & 2"/>')).toThrow(/raw &/);
  });

  it('starts a fresh document on every run', () => {
    expect(renderJunit(summary)).toBe(renderJunit(summary));
  });
});

/**
 * A small well-formedness check (no XML parser among the dependencies): tags balance, attributes are
 * quoted, and text and attributes hold no raw `<` or stray `&`. Returns the element names in order.
 */
function elementsOf(xml: string): string[] {
  const token =
    /<\?xml[^?]*\?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/;
  const open: string[] = [];
  const elements: string[] = [];
  for (let at = 0; at < xml.length; at = token.lastIndex) {
    token.lastIndex = at;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, close, name, attributes = '', selfClosing, text = ''] = match;
    if (close !== undefined && open.pop() !== close) throw new Error(`unbalanced </${close}> at ${at}`);
    if (badEntity.test(attributes) || badEntity.test(text)) throw new Error(`raw & at ${at}`);
    if (name === undefined) continue;
    elements.push(name);
    if (!selfClosing) open.push(name);
  }
  if (open.length > 0) throw new Error(`unclosed ${open.join(', ')}`);
  return elements;
}
