import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { entities } from './entity';
import { buildTypeOrmOptions } from './typeorm-options';

/** Injection token of the database URL, for clients that open their own pool (the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/** The database connection for a Nest process; repositories of every entity are injectable. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(url: string): DynamicModule {
    const feature = TypeOrmModule.forFeature(entities);
    return {
      module: PersistenceModule,
      imports: [
        // The database was checked before Nest started; a later outage must not hang the start.
        TypeOrmModule.forRoot({ ...buildTypeOrmOptions(url), retryAttempts: 1, retryDelay: 1000 }),
        feature,
      ],
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [feature, DATABASE_URL],
    };
  }
}
