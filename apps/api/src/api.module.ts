import { loggingModule } from '@app/common';
import { ConfigModule, VigieConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { AuthGuard, TenancyModule } from '@app/tenancy';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { ApplicationApiModule } from './application/application-api.module';
import { CallApiModule } from './call/call-api.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { ApiKeyController } from './organisation/api-key.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { SourceApiModule } from './source/source-api.module';
import { WatchApiModule } from './watch/watch-api.module';
import { WebModule } from './web/web.module';

/** The HTTP process: API, (later) web pages and feeds. It never loads the scheduler. */
@Module({})
export class ApiModule {
  static forRoot(
    config: VigieConfig,
    databaseUrl: string,
    options: { logDestination?: DestinationStream } = {},
  ): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config.LOG_LEVEL, 'api', options.logDestination),
        PersistenceModule.forRoot(databaseUrl),
        TenancyModule,
        SourceApiModule,
        CallApiModule,
        ApplicationApiModule,
        WatchApiModule,
        WebModule,
      ],
      controllers: [HealthController, MetricsController, OrganisationController, ApiKeyController],
      providers: [{ provide: APP_GUARD, useExisting: AuthGuard }],
    };
  }
}
