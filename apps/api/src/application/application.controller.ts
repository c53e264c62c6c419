import { ApplicationService, CofinancingService, TreasuryService } from '@app/treasury';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApplicationListQueryDto,
  CreateApplicationDto,
  NewFundingLineDto,
  StatusChangeDto,
  UpdateApplicationDto,
  UpdateFundingLineDto,
  VersionDto,
} from './application.dto';
import {
  AnswersVersion,
  ApiErrors,
  IF_MATCH_HEADER,
  VersionedEdit,
} from '../http/api-response.decorator';
import {
  APPLICATION_EXAMPLE,
  ApplicationWrittenDto,
  CofinancingView,
  FundingPlanView,
  StoredApplicationView,
  TreasuryProjectionView,
} from './application-view.dto';
import { expectedVersion } from './expected-version.util';
import { definedFields, treasuryFile } from './response.util';
import { ProjectionQueryDto } from './treasury.dto';

const uuid = new ParseUUIDPipe();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';
const BINARY = { type: 'string', format: 'binary' } as const;
const WRITTEN = {
  type: ApplicationWrittenDto,
  description: 'The stored application, with `warnings` (e.g. an operation already over).',
};

/**
 * Applications and their funding plans. Roles: any member reads; owner, accountant and member
 * edit applications; only owner and accountant edit funding lines (viewer: read only).
 * Every answer carries `version` (and an ETag); send it back (body `version` or If-Match) so a
 * stale edit gets 409 instead of overwriting someone else's.
 */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class ApplicationController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly treasury: TreasuryService,
    private readonly cofinancing: CofinancingService,
  ) {}

  @Post()
  @Roles('owner', 'accountant', 'member')
  @ApiOperation({ summary: 'Create an application with its funding lines inline' })
  @AnswersVersion(WRITTEN, 201)
  @ApiErrors(403, 404)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApplicationDto,
  ): Promise<StoredApplicationView> {
    return this.applications.create(principal, definedFields(body));
  }

  @Get()
  @ApiOperation({ summary: 'Your organisation’s applications, newest first' })
  @ApiOkResponse({ type: [StoredApplicationView] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApplicationListQueryDto,
  ): Promise<StoredApplicationView[]> {
    return this.applications.list(principal, query.status);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One application with its funding lines and status history' })
  @AnswersVersion({ type: StoredApplicationView, example: APPLICATION_EXAMPLE })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<StoredApplicationView> {
    return this.applications.get(principal, id);
  }

  @Patch(':id')
  @Roles('owner', 'accountant', 'member')
  @VersionedEdit(WRITTEN)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: UpdateApplicationDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<StoredApplicationView> {
    const version = expectedVersion(body.version, ifMatch);
    return this.applications.update(principal, id, definedFields(body), version);
  }

  @Delete(':id')
  @Roles('owner', 'accountant', 'member')
  @HttpCode(204)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(403, 409)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: VersionDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.applications.remove(principal, id, expectedVersion(query.version, ifMatch));
  }

  @Post(':id/status')
  @Roles('owner', 'accountant', 'member')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the application along its status graph, with a dated history' })
  @VersionedEdit({ type: StoredApplicationView })
  async changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: StatusChangeDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<StoredApplicationView> {
    const version = expectedVersion(body.version, ifMatch);
    return this.applications.changeStatus(
      principal,
      id,
      { status: body.status, at: body.at },
      version,
    );
  }

  @Post(':id/funding-lines')
  @Roles('owner', 'accountant')
  @ApiOperation({ summary: 'Add a funding line; answers the whole application' })
  @VersionedEdit({ type: StoredApplicationView }, 201)
  async addLine(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: NewFundingLineDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<StoredApplicationView> {
    const version = expectedVersion(body.version, ifMatch);
    return this.applications.addLine(principal, id, definedFields(body), version);
  }

  @Patch(':id/funding-lines/:lineId')
  @Roles('owner', 'accountant')
  @VersionedEdit({ type: StoredApplicationView })
  async updateLine(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('lineId', uuid) lineId: string,
    @Body() body: UpdateFundingLineDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<StoredApplicationView> {
    const version = expectedVersion(body.version, ifMatch);
    return this.applications.updateLine(principal, id, lineId, definedFields(body), version);
  }

  @Delete(':id/funding-lines/:lineId')
  @Roles('owner', 'accountant')
  @VersionedEdit({ type: StoredApplicationView })
  async removeLine(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('lineId', uuid) lineId: string,
    @Query() query: VersionDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<StoredApplicationView> {
    return this.applications.removeLine(
      principal,
      id,
      lineId,
      expectedVersion(query.version, ifMatch),
    );
  }

  @Get(':id/funding-plan')
  @ApiOperation({
    summary: 'Gap, EU share above its maximum, LEADER counterpart, money counted twice',
  })
  @ApiOkResponse({ type: FundingPlanView })
  async fundingPlan(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<FundingPlanView> {
    return this.applications.fundingPlan(principal, id);
  }

  @Get(':id/cofinancing')
  @ApiOperation({
    summary: 'Stored open calls that could fill the funding gap, ranked, with reasons',
  })
  @ApiOkResponse({ type: CofinancingView })
  async cofinancingFor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<CofinancingView> {
    return this.cofinancing.find(principal, id);
  }

  @Get(':id/treasury')
  @ApiOperation({ summary: 'This application’s own cash plan (as if granted before it is)' })
  @ApiOkResponse({ type: TreasuryProjectionView })
  async treasuryOf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: ProjectionQueryDto,
  ): Promise<TreasuryProjectionView> {
    return (await this.treasury.projectApplication(principal, id, query)).projection;
  }

  @Get(':id/treasury.xlsx')
  @ApiOperation({ summary: 'This application’s cash plan as XLSX (not JSON)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An XLSX file', schema: BINARY })
  async treasuryXlsx(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: ProjectionQueryDto,
  ): Promise<StreamableFile> {
    return treasuryFile(await this.treasury.exportApplication(principal, id, query, 'xlsx'));
  }

  @Get(':id/treasury.csv')
  @ApiOperation({ summary: 'This application’s cash plan as CSV (; separator, UTF-8 with BOM)' })
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'A CSV file', schema: BINARY })
  async treasuryCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: ProjectionQueryDto,
  ): Promise<StreamableFile> {
    return treasuryFile(await this.treasury.exportApplication(principal, id, query, 'csv'));
  }
}
