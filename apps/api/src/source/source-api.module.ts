import { IngestionModule } from '@app/ingestion';
import { Module } from '@nestjs/common';
import { PlatformAdminGuard } from './platform-admin.guard';
import { SourceController } from './source.controller';

/** Admin API of sources: read by any API key, written by platform administrators. */
@Module({
  imports: [IngestionModule],
  controllers: [SourceController],
  providers: [PlatformAdminGuard],
})
export class SourceApiModule {}
