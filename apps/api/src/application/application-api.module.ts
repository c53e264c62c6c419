import { Module } from '@nestjs/common';

/** Applications, funding plans and treasury API (issue 5). */
@Module({})
export class ApplicationApiModule {}
