import { DynamicModule, Global, Module } from '@nestjs/common';
import { PublicUrlService } from './public-url.service';
import { VigieConfig } from './vigie-config';

/**
 * Makes the configuration validated at start injectable as `VigieConfig`, with the public
 * address links are built from.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: VigieConfig, useValue: config }, PublicUrlService],
      exports: [VigieConfig, PublicUrlService],
    };
  }
}
