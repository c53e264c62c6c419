import { Module } from '@nestjs/common';

/** Applications, funding plans and treasury, for the Nest processes. */
@Module({})
export class TreasuryModule {}
