import { FeedbackService, OrganisationScoreService } from '@app/classifier';
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
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-response.decorator';
import { CALL_LIST_EXAMPLE, CallDetailView, CallListView, FeedbackView } from './call.dto';
import { CallFeedbackDto } from './call-feedback.dto';
import { ListCallsQueryDto } from './call-query.dto';
import { CallQueryService } from './call-query.service';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('api/calls')
export class CallController {
  constructor(
    private readonly query: CallQueryService,
    private readonly feedback: FeedbackService,
    private readonly scores: OrganisationScoreService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Calls scored for your organisation (rules + your own marks)',
    description:
      'Paginated in the body: `total` (all pages), `limit`, `offset`. Counting stops past 1,000 calls (or past the page asked for): `totalIsLowerBound` then says there are more than `total`. The calls you set aside are hidden unless `state` asks for them.',
  })
  @ApiOkResponse({ type: CallListView, example: CALL_LIST_EXAMPLE })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListCallsQueryDto,
  ): Promise<CallListView> {
    return this.query.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One call: sources, deadlines, full explanation, history' })
  @ApiOkResponse({ type: CallDetailView })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CallDetailView> {
    return this.query.detail(principal, id);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @Roles('owner', 'member', 'accountant')
  @ApiOperation({ summary: 'Mark a call relevant or not for your organisation' })
  @ApiOkResponse({ type: FeedbackView })
  @ApiErrors(403)
  async mark(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CallFeedbackDto,
  ): Promise<FeedbackView> {
    const mark = await this.feedback.mark(principal, id, body.relevant);
    // The marked call moves at once; calls like it move on the worker's next pass.
    await this.scores.applyMark(principal.organisationId, id);
    return { callId: id, relevant: mark.relevant, markedAt: mark.updatedAt.toISOString() };
  }

  @Delete(':id/feedback')
  @Roles('owner', 'member', 'accountant')
  @ApiOperation({ summary: 'Remove your organisation’s mark on a call' })
  @ApiOkResponse({ type: FeedbackView })
  @ApiErrors(403)
  async unmark(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<FeedbackView> {
    await this.feedback.unmark(principal, id);
    await this.scores.applyMark(principal.organisationId, id);
    return { callId: id, relevant: null, markedAt: null };
  }
}
