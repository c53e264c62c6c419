import { FEED_CONTENT_TYPES, FeedFormat, FeedService, WatchException } from '@app/watch';
import { Public } from '@app/tenancy';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { baseUrlOf } from './feed-url.util';

const FILE = /^([A-Za-z0-9_-]{20,100})\.(rss|atom|json|ics)$/;

/** Feeds at secret token addresses, readable without a key; 304 when nothing changed. */
@ApiExcludeController()
@Controller('feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Public()
  @Get(':file')
  async feed(
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = FILE.exec(file);
    if (!parsed) throw WatchException.feedNotFound();
    const [, token, format] = parsed as unknown as [string, string, FeedFormat];
    const version = await this.feeds.version(token, format);
    response.setHeader('ETag', version.etag);
    response.setHeader('Last-Modified', version.lastModified.toUTCString());
    response.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    if (this.notModified(request, version.etag, version.lastModified)) {
      response.status(304).end();
      return;
    }
    const base = baseUrlOf(request);
    const rendered = await this.feeds.render(token, format, {
      selfUrl: `${base}/feeds/${file}`,
      homeUrl: base,
    });
    response.setHeader('ETag', rendered.version.etag);
    response.setHeader('Content-Type', FEED_CONTENT_TYPES[format]);
    response.status(200).send(rendered.body);
  }

  /** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
  private notModified(request: Request, etag: string, lastModified: Date): boolean {
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch) {
      return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
    }
    const since = Date.parse(request.headers['if-modified-since'] ?? '');
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
}
