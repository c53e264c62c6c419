import { DynamicModule, Global, Module } from '@nestjs/common';
import { VigieConfig } from './vigie-config';

/** Makes the configuration validated at start injectable as `VigieConfig`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VigieConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: VigieConfig, useValue: config }],
      exports: [VigieConfig],
    };
  }
}
