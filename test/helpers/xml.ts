import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Elements that may repeat are always parsed as arrays, so a list of one reads like a list
// (Atom's links too; RSS has one <link>).
const LISTS = new Set(['item', 'entry', 'url', 'sitemap', 'category', 'image:image']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath) =>
    LISTS.has(name) || (name === 'link' && String(jpath).startsWith('feed')),
});

/** Checks that a document is well-formed XML (strictly) and parses it, attributes as `@name`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(body: string): any {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML');
  return parser.parse(body);
}
