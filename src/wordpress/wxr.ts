import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/*
 * A streaming reader of WordPress's export format (WXR: RSS 2.0 with the `wp:` namespace). The
 * file is read in 64 KB chunks and handed out one author, term or item at a time, so a 2 GB
 * export needs the memory of its largest post, not of the file. saxes never expands entities
 * beyond XML's five and character references: a DOCTYPE that declares any (an « XML bomb », or a
 * file reader through an external entity) is refused before anything is read from it.
 */

/** A WordPress user who wrote something in the export. */
export interface WxrAuthor {
  id: number;
  login: string;
  email: string;
  displayName: string;
}

/** A category or tag declared at the top of the export. */
export interface WxrTerm {
  kind: 'category' | 'tag';
  id: number;
  slug: string;
  name: string;
  /** The parent category's slug ('' for none). */
  parent: string;
}

/** A comment on an item. */
export interface WxrComment {
  id: number;
  parent: number;
  author: string;
  email: string;
  /** '1' approved, '0' pending, 'spam', 'trash'. */
  approved: string;
  /** '' or 'comment' for a reader's comment; 'pingback', 'trackback'… otherwise. */
  type: string;
  dateGmt: string;
  content: string;
}

/** A post, page or attachment. */
export interface WxrItem {
  id: number;
  type: string;
  status: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  slug: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  parent: number;
  attachmentUrl: string;
  /** 'open' or 'closed'. */
  commentStatus: string;
  meta: Record<string, string>;
  /** In the export's order; the first category is the primary one unless Yoast names another. */
  terms: { domain: string; slug: string; name: string }[];
  comments: WxrComment[];
}

export type WxrEvent =
  | { kind: 'site'; baseUrl: string }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** An export we refuse to read, with where in the file. */
export class WxrError extends Error {}

/** The longest field we accept (a post's body); past it the file is refused. */
const MAX_FIELD = 16 * 1024 * 1024;

const newItem = (): WxrItem => ({
  id: 0,
  type: '',
  status: '',
  title: '',
  link: '',
  creator: '',
  content: '',
  excerpt: '',
  slug: '',
  date: '',
  dateGmt: '',
  modifiedGmt: '',
  parent: 0,
  attachmentUrl: '',
  commentStatus: '',
  meta: {},
  terms: [],
  comments: [],
});

const newComment = (): WxrComment => ({
  id: 0,
  parent: 0,
  author: '',
  email: '',
  approved: '',
  type: '',
  dateGmt: '',
  content: '',
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_type': 'type',
  'wp:status': 'status',
  'wp:post_name': 'slug',
  'wp:post_date': 'date',
  'wp:post_date_gmt': 'dateGmt',
  'wp:post_modified_gmt': 'modifiedGmt',
  'wp:attachment_url': 'attachmentUrl',
  'wp:comment_status': 'commentStatus',
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'email',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
};

/** A parser that pushes what it completes into `out`; fed by readWxr. */
function wxrParser(out: WxrEvent[]): SaxesParser {
  const parser = new SaxesParser();
  const stack: string[] = [];
  let text = '';
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let metaKey = '';
  let metaValue = '';
  let fields: Record<string, string> = {};
  let term: { domain: string; slug: string } | undefined;

  parser.on('error', (err) => {
    throw new WxrError(`Not a readable WordPress export: ${err.message}`);
  });
  parser.on('doctype', (doctype) => {
    // Entity declarations are how XML bombs and external-entity reads work; exports have none.
    if (/<!ENTITY|\[/i.test(doctype))
      throw new WxrError('Refused: the export declares entities in a DOCTYPE (an XML bomb?)');
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'item') item = newItem();
    else if (tag.name === 'wp:comment' && item) comment = newComment();
    else if (['wp:author', 'wp:category', 'wp:tag'].includes(tag.name) && !item) fields = {};
    else if (tag.name === 'category' && item)
      term = {
        domain: String(tag.attributes.domain ?? ''),
        slug: String(tag.attributes.nicename ?? ''),
      };
  });
  const append = (chunk: string) => {
    if (text.length + chunk.length > MAX_FIELD)
      throw new WxrError(`Refused: a field longer than ${MAX_FIELD / 1024 / 1024} MB`);
    text += chunk;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag) => {
    stack.pop();
    const name = tag.name;
    const value = text;
    text = '';
    if (comment) {
      const field = COMMENT_FIELDS[name];
      if (field) (comment[field] as string) = value;
      else if (name === 'wp:comment_id') comment.id = Number(value) || 0;
      else if (name === 'wp:comment_parent') comment.parent = Number(value) || 0;
      else if (name === 'wp:comment') {
        item!.comments.push(comment);
        comment = undefined;
      }
      return;
    }
    if (item) {
      const field = ITEM_FIELDS[name];
      if (field) (item[field] as string) = value;
      else if (name === 'wp:post_id') item.id = Number(value) || 0;
      else if (name === 'wp:post_parent') item.parent = Number(value) || 0;
      else if (name === 'wp:meta_key') metaKey = value;
      else if (name === 'wp:meta_value') metaValue = value;
      else if (name === 'wp:postmeta') item.meta[metaKey] = metaValue;
      else if (name === 'category' && term) {
        item.terms.push({ ...term, name: value.trim() });
        term = undefined;
      } else if (name === 'item') {
        out.push({ kind: 'item', item });
        item = undefined;
      }
      return;
    }
    if (stack.at(-1) === 'wp:author' || stack.at(-1) === 'wp:category' || stack.at(-1) === 'wp:tag')
      fields[name] = value;
    else if (name === 'wp:base_site_url') out.push({ kind: 'site', baseUrl: value.trim() });
    else if (name === 'wp:author')
      out.push({
        kind: 'author',
        author: {
          id: Number(fields['wp:author_id']) || 0,
          login: (fields['wp:author_login'] ?? '').trim(),
          email: (fields['wp:author_email'] ?? '').trim(),
          displayName: (fields['wp:author_display_name'] ?? '').trim(),
        },
      });
    else if (name === 'wp:category' || name === 'wp:tag') {
      const isCategory = name === 'wp:category';
      out.push({
        kind: 'term',
        term: {
          kind: isCategory ? 'category' : 'tag',
          id: Number(fields['wp:term_id']) || 0,
          slug: (fields[isCategory ? 'wp:category_nicename' : 'wp:tag_slug'] ?? '').trim(),
          name: (fields[isCategory ? 'wp:cat_name' : 'wp:tag_name'] ?? '').trim(),
          parent: (fields['wp:category_parent'] ?? '').trim(),
        },
      });
    }
  });
  return parser;
}

/**
 * Reads a WordPress export as a stream of events. Throws WxrError on anything that is not
 * well-formed XML, on entity declarations and on an unknown entity (`&custom;`).
 */
export async function* readWxr(file: string): AsyncGenerator<WxrEvent> {
  const out: WxrEvent[] = [];
  const parser = wxrParser(out);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let first = true;
  let sawData = false;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      if (first) sawData = true;
      first = false;
      if (out.length) yield* out.splice(0);
    }
    parser.close();
  } finally {
    stream.destroy();
  }
  if (!sawData) throw new WxrError('Not a readable WordPress export: the file is empty');
  yield* out.splice(0);
}
