import { Clock } from '@app/common';
import { PublicUrlService } from '@app/config';
import { DATABASE_URL } from '@app/persistence';
import { FEED_CONTENT_TYPES, FeedService, WatchException } from '@app/watch';
import { Public } from '@app/tenancy';
import {
  Controller,
  Get,
  Inject,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Param,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FEED_CACHE_CONTROL, isNotModified, parisDay, parseFeedFile } from './feed-request.util';
import type { FeedVersionSource } from './feed-fast-path.middleware';
import { FeedVersionCache } from './feed-version.cache';
import { FeedVersionListener } from './feed-version.listener';

/**
 * Feeds at secret token addresses, readable without a key; 304 when nothing changed. The
 * versions read here also fill the cache of the fast path (feed-fast-path.middleware.ts),
 * which answers most 304s before they reach this controller.
 */
@ApiExcludeController()
@Controller('feeds')
export class FeedController implements OnApplicationBootstrap, OnModuleDestroy {
  readonly versions = new FeedVersionCache();
  private readonly listener: FeedVersionListener;
  private fastPath = false;

  constructor(
    private readonly feeds: FeedService,
    private readonly publicUrl: PublicUrlService,
    @Inject(DATABASE_URL) databaseUrl: string,
    private readonly clock: Clock,
  ) {
    this.listener = new FeedVersionListener(databaseUrl, this.versions);
  }

  /** The cache is only worth a LISTEN connection when a fast path reads it. */
  enableFastPath(): FeedVersionSource {
    this.fastPath = true;
    return {
      cache: this.versions,
      sync: () => this.listener.sync(),
      day: () => parisDay(this.clock.now().getTime()),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.fastPath) await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }

  @Public()
  @Get(':file')
  async feed(
    @Param('file') file: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const address = parseFeedFile(file);
    if (!address) throw WatchException.feedNotFound();
    const { token, format } = address;
    const now = this.clock.now();
    const ticket = this.versions.ticket();
    const version = await this.feeds.version(token, format, now).catch((error: unknown) => {
      this.versions.forget(token);
      throw error;
    });
    this.versions.remember(ticket, token, format, version, parisDay(now.getTime()));
    response.setHeader('ETag', version.etag);
    response.setHeader('Last-Modified', version.lastModified.toUTCString());
    response.setHeader('Cache-Control', FEED_CACHE_CONTROL);
    if (isNotModified(request.headers, version.etag, version.lastModified.getTime())) {
      response.status(304).end();
      return;
    }
    const base = this.publicUrl.base();
    const rendered = await this.feeds.render(token, format, {
      selfUrl: `${base}/feeds/${file}`,
      homeUrl: base,
    });
    response.setHeader('ETag', rendered.version.etag);
    response.setHeader('Content-Type', FEED_CONTENT_TYPES[format]);
    response.status(200).send(rendered.body);
  }
}
