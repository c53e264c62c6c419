import { Clock, clockFor } from '@app/common';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { PublicUrlService } from './public-url.service';
import { VigieConfig } from './vigie-config';

/**
 * Makes the configuration validated at start injectable as `VigieConfig`, with the public
 * address links are built from and the process's `Clock` (the system clock, or the calendar
 * pinned by VIGIE_NOW in tests and demos).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: VigieConfig, useValue: config },
        { provide: Clock, useValue: clockFor(config.VIGIE_NOW) },
        PublicUrlService,
      ],
      exports: [VigieConfig, Clock, PublicUrlService],
    };
  }
}
