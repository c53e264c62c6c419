import { Clock, clockFor } from '@app/common';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { VigieConfig } from './vigie-config';

/**
 * Makes the configuration validated at start injectable as `VigieConfig`, and the process's
 * `Clock` (the system clock, or the calendar pinned by VIGIE_NOW in tests and demos).
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
      ],
      exports: [VigieConfig, Clock],
    };
  }
}
