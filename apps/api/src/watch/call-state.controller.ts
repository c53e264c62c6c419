import { CallStateService } from '@app/watch';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CallStateDto } from './watch.dto';

/** The caller's own status, notes and follow flag on a call; never another organisation's. */
@ApiTags('watches')
@ApiBearerAuth()
@Controller('api/calls/:callId/state')
export class CallStateController {
  constructor(private readonly states: CallStateService) {}

  @Get()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', new ParseUUIDPipe()) callId: string,
  ) {
    return this.states.get(principal.organisationId, callId);
  }

  @Patch()
  @Roles('owner', 'member')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', new ParseUUIDPipe()) callId: string,
    @Body() body: CallStateDto,
  ) {
    return this.states.update(principal.organisationId, callId, body);
  }
}
