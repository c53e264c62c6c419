import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { VigieConfig } from '@app/config';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { UnroutedPageRenderer } from '../web/unrouted-page.renderer';
import { mountFeedFastPath } from '../watch/feed-fast-path.middleware';
import { WEB_STATIC_DIR } from '../web/web-view.service';
import { buildApiDocument } from './api-document';
import { HttpExceptionFilter } from './http-exception.filter';
import { mountHttpMetrics } from './http-metrics.middleware';

/** One year: browsers then refuse plain http for Vigie's host and its subdomains. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Strict-Transport-Security only when the public address is https: sent for an http one, it
 * would lock browsers out of a site that has no certificate.
 */
function transportSecurity(config: VigieConfig) {
  return config.PUBLIC_URL?.startsWith('https://')
    ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true }
    : false;
}

/**
 * Pages load only our own stylesheet and script: no inline script can run even if some HTML
 * slipped through sanitising. Swagger UI (api/docs) keeps helmet's defaults without this CSP.
 */
const pageSecurity = (config: VigieConfig) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    strictTransportSecurity: transportSecurity(config),
  });
const docsSecurity = (config: VigieConfig) =>
  helmet({ contentSecurityPolicy: false, strictTransportSecurity: transportSecurity(config) });

/** Web pages: security headers, cookies, static assets, client IPs behind a local proxy. */
function configureWeb(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const config = app.get(VigieConfig);
  const pages = pageSecurity(config);
  const docs = docsSecurity(config);
  // A reverse proxy on a private network may tell us the client's IP (for sign-in throttling)
  // and that the request was HTTPS (for Secure cookies); a public address may not.
  express.set('trust proxy', 'loopback, linklocal, uniquelocal');
  express.use((request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith('/api/docs') ? docs : pages)(request, response, next),
  );
  express.use(cookieParser());
  // The icon never changes with a release: a long cache, so no page asks for it again. Browsers
  // that ignore the layout's <link rel="icon"> ask /favicon.ico: the same SVG, not a 404 page.
  for (const path of ['/favicon.ico', '/static/favicon.svg']) {
    express.use(path, (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      response.type('image/svg+xml');
      response.sendFile(FAVICON, { maxAge: FAVICON_MAX_AGE_MS, immutable: true });
    });
  }
  express.useStaticAssets(WEB_STATIC_DIR, { prefix: '/static/', maxAge: '1h', index: false });
}

const FAVICON = join(WEB_STATIC_DIR, 'favicon.svg');
const FAVICON_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/** Everything an HTTP app needs beyond its modules; shared by main.ts, the demo and e2e tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  mountHttpMetrics(app);
  // First: a feed reader's unchanged 304 should cost as little as possible.
  mountFeedFastPath(app);
  configureWeb(app);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.useGlobalFilters(new HttpExceptionFilter(app.get(UnroutedPageRenderer)));
  const document = buildApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
