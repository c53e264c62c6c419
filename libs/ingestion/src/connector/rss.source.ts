import { sourceRequest } from './source-request.util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CallDraft } from '../call/call-draft.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { sourceError } from './connector-output.util';
import { readListingPage } from './listing-page.util';
import { resolveUrl } from './selector-read.util';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

/** RSS 2.0, RSS 1.0 (RDF) and Atom in one: each item, then its page when the source follows links. */
export class RssConnector implements Connector {
  readonly kind = 'rss' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const { source } = context;
    try {
      const request = sourceRequest(source, source.url, {
        accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml',
      });
      yield* readListingPage(context, request, (page) => ({
        drafts: parseFeed(page.text, source.url).map((item) => draftFromItem(item, page.url)),
        next: null,
      }));
    } catch (error) {
      yield sourceError(context, error, source.url);
    }
  }
}

export function parseFeed(xml: string, url: string): XmlNode[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestionException(
      IngestionExceptionCode.MALFORMED_PAYLOAD,
      `${url}: feed is not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
      { url, line: valid.err.line },
    );
  }
  const document = parser.parse(xml) as XmlNode;
  const rss = document.rss as XmlNode | undefined;
  const channel = rss?.channel as XmlNode | undefined;
  if (channel) return (channel.item as XmlNode[] | undefined) ?? [];
  const atom = document.feed as XmlNode | undefined;
  if (atom) return (atom.entry as XmlNode[] | undefined) ?? [];
  const rdf = document['rdf:RDF'] as XmlNode | undefined;
  if (rdf) return (rdf.item as XmlNode[] | undefined) ?? [];
  // A bare <item> (one item saved on its own) is read as a one-item feed.
  if (document.item) return document.item as XmlNode[];
  throw new IngestionException(
    IngestionExceptionCode.MALFORMED_PAYLOAD,
    `${url}: neither an RSS nor an Atom feed (root: ${
      Object.keys(document)
        .filter((k) => !k.startsWith('?'))
        .join(', ') || 'none'
    })`,
    { url },
  );
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as XmlNode)['#text']);
  const result = String(value).trim();
  return result === '' ? null : result;
}

function itemLink(item: XmlNode, base: string): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  const atomLink =
    links.find(
      (link) =>
        typeof link === 'object' &&
        link !== null &&
        ((link as XmlNode)['@_rel'] ?? 'alternate') === 'alternate',
    ) ?? links.find((link) => typeof link === 'object' && link !== null);
  const guid = item.guid as XmlNode | string | undefined;
  const guidIsLink =
    typeof guid === 'string' || (guid && (guid as XmlNode)['@_isPermaLink'] !== 'false');
  const href =
    (atomLink ? String((atomLink as XmlNode)['@_href'] ?? '') : null) ||
    text(links.find((link) => typeof link !== 'object')) ||
    (guidIsLink ? text(guid) : null);
  return href ? resolveUrl(href, base) : null;
}

function categories(item: XmlNode): string[] {
  return ((item.category as unknown[] | undefined) ?? [])
    .map((category) =>
      typeof category === 'object' && category !== null
        ? (((category as XmlNode)['@_term'] as string) ?? text(category))
        : text(category),
    )
    .filter((value): value is string => !!value)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function draftFromItem(item: XmlNode, base: string): CallDraft {
  const url = itemLink(item, base);
  const labels = categories(item);
  return {
    externalId: text(item.guid) ?? text(item.id) ?? url ?? text(item.title) ?? '',
    url,
    title: text(item.title),
    html:
      text(item['content:encoded']) ??
      text(item.description) ??
      text(item.content) ??
      text(item.summary),
    publishedAt:
      text(item.pubDate) ?? text(item['dc:date']) ?? text(item.published) ?? text(item.updated),
    aidTypeLabels: labels,
    audienceLabels: labels,
    extraTexts: labels.length ? [labels.join(', ')] : [],
  };
}
