import {
  ImpactService,
  type ActivityEntryView,
  type ImpactFile,
  type ImpactReference,
  type ImpactReport,
  type IndicatorDefinition,
} from '@app/impact';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ActivityCsvDto,
  ActivityEntryDto,
  FunderReportQueryDto,
  ImpactReferenceDto,
  ImpactReportDto,
  CatalogueIndicatorDto,
  NewActivityDto,
  NewIndicatorDto,
  ReferenceOverrideDto,
} from './impact.dto';
import { definedFields } from './response.util';

const uuid = new ParseUUIDPipe();
const EDITORS = ['owner', 'accountant', 'member'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Activity indicators, dated activity of a dossier and funders' reports (issue 18). Any member
 * reads; owner, accountant and member record activity; owner and accountant set reference values.
 */
@ApiTags('impact')
@ApiBearerAuth()
@Controller('api')
export class ImpactController {
  constructor(private readonly impact: ImpactService) {}

  @Get('indicators')
  @ApiOperation({ summary: 'The indicator catalogue, then the organisation’s own indicators' })
  @ApiOkResponse({ type: [CatalogueIndicatorDto] })
  indicators(@CurrentPrincipal() principal: Principal): Promise<IndicatorDefinition[]> {
    return this.impact.indicators(principal);
  }

  @Post('indicators')
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Add an indicator of the organisation’s own' })
  @ApiCreatedResponse({ type: CatalogueIndicatorDto })
  addIndicator(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NewIndicatorDto,
  ): Promise<IndicatorDefinition> {
    return this.impact.addIndicator(principal, definedFields(body));
  }

  @Get('impact-references')
  @ApiOperation({ summary: 'Reference values of the gain estimates, with sources' })
  @ApiOkResponse({ type: [ImpactReferenceDto] })
  references(@CurrentPrincipal() principal: Principal): Promise<ImpactReference[]> {
    return this.impact.references(principal);
  }

  @Put('impact-references/:referenceId')
  @Roles('owner', 'accountant')
  @ApiOperation({ summary: 'Use the organisation’s own value (with its source) for a reference' })
  @ApiOkResponse({ type: ImpactReferenceDto })
  setReference(
    @CurrentPrincipal() principal: Principal,
    @Param('referenceId') referenceId: string,
    @Body() body: ReferenceOverrideDto,
  ): Promise<ImpactReference> {
    return this.impact.setReference(principal, referenceId, definedFields(body));
  }

  @Delete('impact-references/:referenceId')
  @Roles('owner', 'accountant')
  @HttpCode(204)
  @ApiOperation({ summary: 'Back to the public reference value' })
  @ApiNoContentResponse()
  async removeReference(
    @CurrentPrincipal() principal: Principal,
    @Param('referenceId') referenceId: string,
  ): Promise<void> {
    await this.impact.removeReference(principal, referenceId);
  }

  @Get('applications/:id/activity')
  @ApiOperation({ summary: 'Dated activity of a dossier' })
  @ApiOkResponse({ type: [ActivityEntryDto] })
  activity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<ActivityEntryView[]> {
    return this.impact.activity(principal, id);
  }

  @Post('applications/:id/activity')
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Record dated activity (all entries or none)' })
  @ApiCreatedResponse({ type: [ActivityEntryDto], description: 'The stored entries' })
  addActivity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: NewActivityDto,
  ): Promise<ActivityEntryView[]> {
    return this.impact.addActivity(principal, id, body.entries);
  }

  @Post('applications/:id/activity/import')
  @Roles(...EDITORS)
  @ApiOperation({
    summary: 'Import dated activity from a CSV; a refused file stores nothing and names each line',
  })
  @ApiCreatedResponse({ type: [ActivityEntryDto], description: 'The stored entries' })
  importActivity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: ActivityCsvDto,
  ): Promise<ActivityEntryView[]> {
    return this.impact.importCsv(principal, id, body.csv);
  }

  @Delete('applications/:id/activity/:entryId')
  @Roles(...EDITORS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one activity entry' })
  @ApiNoContentResponse()
  async removeActivity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('entryId', uuid) entryId: string,
  ): Promise<void> {
    await this.impact.removeActivity(principal, id, entryId);
  }

  @Get('applications/:id/impact-report')
  @ApiOperation({ summary: 'Funder’s report of one dossier: money, activity, estimated gains' })
  @ApiOkResponse({ type: ImpactReportDto })
  applicationReport(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<ImpactReport> {
    return this.impact.applicationReport(principal, id);
  }

  @Get('applications/:id/impact-report.xlsx')
  @ApiOperation({ summary: 'The same report as a workbook with live formulas' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary' } })
  async applicationReportXlsx(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<StreamableFile> {
    return download(await this.impact.applicationReportXlsx(principal, id));
  }

  @Get('impact-report')
  @ApiOperation({ summary: 'One funder across the organisation’s dossiers over a period' })
  @ApiOkResponse({ type: ImpactReportDto })
  funderReport(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FunderReportQueryDto,
  ): Promise<ImpactReport> {
    return this.impact.funderReport(principal, { ...query });
  }

  @Get('impact-report.xlsx')
  @ApiOperation({ summary: 'The funder’s report as a workbook with live formulas' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary' } })
  async funderReportXlsx(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FunderReportQueryDto,
  ): Promise<StreamableFile> {
    return download(await this.impact.funderReportXlsx(principal, { ...query }));
  }
}

function download(file: ImpactFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    length: file.body.length,
  });
}
