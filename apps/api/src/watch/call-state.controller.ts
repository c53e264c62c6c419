import { CallStateService } from '@app/watch';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-response.decorator';
import { CallStateView } from './watch-view.dto';
import { CallStateDto } from './watch.dto';

/** The caller's own status, notes and follow flag on a call; never another organisation's. */
@ApiTags('watches')
@ApiBearerAuth()
@Controller('api/calls/:callId/state')
export class CallStateController {
  constructor(private readonly states: CallStateService) {}

  @Get()
  @ApiOperation({ summary: 'Your status, notes and follow flag on a call (defaults until set)' })
  @ApiOkResponse({ type: CallStateView })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', new ParseUUIDPipe()) callId: string,
  ): Promise<CallStateView> {
    return this.states.get(principal.organisationId, callId);
  }

  @Patch()
  @Roles('owner', 'member')
  @ApiOkResponse({ type: CallStateView })
  @ApiErrors(403)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', new ParseUUIDPipe()) callId: string,
    @Body() body: CallStateDto,
  ): Promise<CallStateView> {
    return this.states.update(principal.organisationId, callId, body);
  }
}
