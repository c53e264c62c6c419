import { CurrentPrincipal, OrganisationService, Principal, Roles } from '@app/tenancy';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-response.decorator';
import { OrganisationView, UpdateOrganisationDto } from './organisation.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get('me')
  @ApiOkResponse({ type: OrganisationView })
  async me(@CurrentPrincipal() principal: Principal): Promise<OrganisationView> {
    return OrganisationView.of(
      await this.organisations.findVisible(principal, principal.organisationId),
    );
  }

  @Patch('me')
  @Roles('owner')
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors(403)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() patch: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return OrganisationView.of(await this.organisations.update(principal, patch));
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganisationView })
  async findOne(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<OrganisationView> {
    return OrganisationView.of(await this.organisations.findVisible(principal, id));
  }
}
