import { ImpactModule } from '@app/impact';
import { loggingModule } from '@app/common';
import { ConfigModule, VigieConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { IngestionModule } from '@app/ingestion';
import { TenancyModule } from '@app/tenancy';
import { TreasuryModule } from '@app/treasury';
import { WatchModule } from '@app/watch';
import { DynamicModule, Module } from '@nestjs/common';

/** The services the command line needs; no HTTP server and no scheduler. */
@Module({})
export class CliModule {
  static forRoot(config: VigieConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'cli'),
        PersistenceModule.forRoot(databaseUrl),
        TenancyModule,
        IngestionModule,
        ClassificationModule,
        EligibilityModule,
        TreasuryModule,
        ImpactModule,
        WatchModule,
      ],
    };
  }
}
