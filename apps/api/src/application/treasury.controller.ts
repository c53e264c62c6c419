import { TreasuryService, TreasurySettingsService } from '@app/treasury';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { Body, Controller, Get, Headers, Put, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AnswersVersion, ApiErrors } from '../http/api-response.decorator';
import { TreasuryProjectionView } from './application-view.dto';
import { expectedVersion } from './expected-version.util';
import { definedFields, treasuryFile } from './response.util';
import {
  ProjectionQueryDto,
  StructureProjectionQueryDto,
  TreasurySettingsDto,
  TreasurySettingsView,
} from './treasury.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BINARY = { type: 'string', format: 'binary' } as const;

/** The organisation's monthly cash plan. Any member reads; owner and accountant change the settings. */
@ApiTags('treasury')
@ApiBearerAuth()
@Controller('api/treasury')
export class TreasuryController {
  constructor(
    private readonly treasury: TreasuryService,
    private readonly settings: TreasurySettingsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Monthly projection of all the organisation’s applications, with warnings and peak need',
    description:
      'Answers with an ETag; If-None-Match gets 304 while nothing changed. `lines=false` leaves out each month’s movements.',
  })
  @ApiOkResponse({
    type: TreasuryProjectionView,
    headers: {
      ETag: { description: 'Send it as If-None-Match to get 304', schema: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag sent as If-None-Match' })
  async project(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StructureProjectionQueryDto,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // Sent pre-serialised (and pre-gzipped): the JSON of a large portfolio is megabytes.
    const projection = await this.treasury.projectJson(principal, query);
    res.setHeader('ETag', projection.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('application/json');
    if (/\bgzip\b/.test(acceptEncoding ?? '')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(await projection.gzip());
      return;
    }
    res.send(projection.json);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Opening balance, recurring flows and cash threshold' })
  @AnswersVersion({ type: TreasurySettingsView })
  async getSettings(@CurrentPrincipal() principal: Principal): Promise<TreasurySettingsView> {
    return this.settings.get(principal.organisationId);
  }

  @Put('settings')
  @Roles('owner', 'accountant')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Settings version the edit starts from; stale → 409',
  })
  @AnswersVersion({ type: TreasurySettingsView })
  @ApiErrors(403, 409)
  async putSettings(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TreasurySettingsDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TreasurySettingsView> {
    return this.settings.put(
      principal,
      definedFields(body),
      expectedVersion(body.version, ifMatch),
    );
  }

  @Get('export.xlsx')
  @ApiOperation({
    summary:
      'Plan de trésorerie as XLSX (formulas, French formats): structure, one sheet per application, movements',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An XLSX file (not JSON)', schema: BINARY })
  async exportXlsx(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ProjectionQueryDto,
  ): Promise<StreamableFile> {
    return treasuryFile(await this.treasury.exportStructure(principal, query, 'xlsx'));
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'Plan de trésorerie as CSV (; separator, comma decimals, UTF-8 with BOM)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A CSV file (not JSON)', schema: BINARY })
  async exportCsv(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ProjectionQueryDto,
  ): Promise<StreamableFile> {
    return treasuryFile(await this.treasury.exportStructure(principal, query, 'csv'));
  }
}
