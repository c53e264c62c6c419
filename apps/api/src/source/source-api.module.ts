import { Module } from '@nestjs/common';

/** Admin API of sources (issue 3). */
@Module({})
export class SourceApiModule {}
