import { IngestionQueueService, SourceService } from '@app/ingestion';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-response.decorator';
import { PlatformAdminGuard } from './platform-admin.guard';
import {
  SourceDetailView,
  SourceRemovalView,
  SourceRunQueuedView,
  SourceRunView,
  SourceView,
} from './source.dto';

const DEFINITION_BODY = {
  description:
    'one source, with the fields of config/sources.yaml (id, name, kind, url, funder, territory, schedule, follow, listing, detail, mapping, pagination, enabled, maxPages, query)',
  schema: {
    type: 'object',
    example: {
      id: 'region-exemple-rss',
      name: 'Région exemple',
      kind: 'rss',
      url: 'https://example.org/aides.xml',
      funder: 'Région exemple',
      territory: ['R84'],
    },
  },
};

/** Sources are shared by all organisations: any API key reads them, platform admins change them. */
@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/sources')
export class SourceController {
  constructor(
    private readonly sources: SourceService,
    private readonly queue: IngestionQueueService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [SourceView] })
  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map((source) => SourceView.of(source));
  }

  @Get(':id')
  @ApiOkResponse({ type: SourceDetailView })
  async findOne(@Param('id') id: string): Promise<SourceDetailView> {
    const source = await this.sources.get(id);
    const runs = await this.sources.lastRuns(id);
    return { ...SourceView.of(source), runs: runs.map((run) => SourceRunView.of(run)) };
  }

  @Post()
  @UseGuards(PlatformAdminGuard)
  @ApiBody(DEFINITION_BODY)
  @ApiCreatedResponse({ type: SourceView })
  @ApiErrors(403, 409)
  async create(@Body() body: Record<string, unknown>): Promise<SourceView> {
    return SourceView.of(await this.sources.create(body));
  }

  @Put(':id')
  @UseGuards(PlatformAdminGuard)
  @ApiBody(DEFINITION_BODY)
  @ApiOkResponse({ type: SourceView })
  @ApiErrors(403)
  async update(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<SourceView> {
    return SourceView.of(await this.sources.update(id, body));
  }

  @Delete(':id')
  @UseGuards(PlatformAdminGuard)
  @ApiOkResponse({ type: SourceRemovalView })
  @ApiErrors(403)
  remove(@Param('id') id: string): Promise<SourceRemovalView> {
    return this.sources.remove(id);
  }

  @Post(':id/run')
  @HttpCode(202)
  @UseGuards(PlatformAdminGuard)
  @ApiAcceptedResponse({ type: SourceRunQueuedView })
  @ApiErrors(403)
  async run(@Param('id') id: string): Promise<SourceRunQueuedView> {
    await this.sources.get(id);
    const jobId = await this.queue.enqueueNow(id);
    return { jobId, queued: jobId !== null };
  }
}
