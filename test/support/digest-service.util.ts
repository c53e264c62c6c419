import { Clock } from '@app/common';
import { VigieConfig } from '@app/config';
import { DigestConsentService, DigestService, FeedQuery } from '@app/watch';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The app's digest service, sending through the test SMTP server listening on `port`. */
export function digestServiceSendingTo(app: INestApplication, port: number): DigestService {
  return new DigestService(
    app.get<DataSource>(getDataSourceToken()),
    app.get(FeedQuery),
    app.get(DigestConsentService),
    {
      ...app.get(VigieConfig),
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Vigie <veille@vigie.test>',
    },
    app.get(Clock),
  );
}
