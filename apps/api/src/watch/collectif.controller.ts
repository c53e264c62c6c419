import { PublicUrlService } from '@app/config';
import { CollectifDigestSettings, CollectifService, FeedTokenService, feedUrls } from '@app/watch';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CollectifDigestDto, InvitationDto, PickDto, PickPatchDto, SharingDto } from './watch.dto';

@ApiTags('collectif')
@ApiBearerAuth()
@Controller('api/collectif')
export class CollectifController {
  constructor(
    private readonly collectifs: CollectifService,
    private readonly tokens: FeedTokenService,
    private readonly publicUrl: PublicUrlService,
  ) {}

  @Post('invitations')
  @Roles('owner', 'member')
  invite(@CurrentPrincipal() principal: Principal, @Body() body: InvitationDto) {
    return body.memberOrganisationId !== undefined
      ? this.collectifs.invite(principal.organisationId, body.memberOrganisationId)
      : this.collectifs.inviteByText(principal.organisationId, body.member ?? '');
  }

  @Get('invitations')
  invitations(@CurrentPrincipal() principal: Principal) {
    return this.collectifs.invitations(principal.organisationId);
  }

  /** Accepted by the invited organisation itself, with its own key. */
  @Post('invitations/:id/accept')
  @Roles('owner')
  @HttpCode(200)
  accept(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.collectifs.accept(principal.organisationId, id);
  }

  /** What this member shows the collectif's other members (follows, statuses, notes). */
  @Patch('memberships/:id')
  @Roles('owner')
  sharing(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SharingDto,
  ) {
    return this.collectifs.updateSharing(principal.organisationId, id, body);
  }

  @Get('picks')
  picks(@CurrentPrincipal() principal: Principal) {
    return this.collectifs.picksFor(principal.organisationId);
  }

  @Post('picks')
  @Roles('owner', 'member')
  pick(@CurrentPrincipal() principal: Principal, @Body() body: PickDto) {
    return this.collectifs.pick(principal.organisationId, body);
  }

  @Patch('picks/:id')
  @Roles('owner', 'member')
  updatePick(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PickPatchDto,
  ) {
    return this.collectifs.updatePick(principal.organisationId, id, body);
  }

  @Delete('picks/:id')
  @Roles('owner', 'member')
  @HttpCode(204)
  removePick(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.collectifs.removePick(principal.organisationId, id);
  }

  /** A member copies a pick into its own list (shortlisted and followed). */
  @Post('picks/:id/copy')
  @Roles('owner', 'member')
  @HttpCode(200)
  copy(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.collectifs.copyPick(principal.organisationId, id);
  }

  /** How the picks are e-mailed; a collectif that never chose gets weekly, to everyone. */
  @Get('digest')
  @ApiOkResponse({ type: CollectifDigestDto })
  digest(@CurrentPrincipal() principal: Principal): Promise<CollectifDigestSettings> {
    return this.collectifs.digestSettings(principal.organisationId);
  }

  @Put('digest')
  @Roles('owner', 'member')
  @ApiOkResponse({ type: CollectifDigestDto })
  updateDigest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CollectifDigestDto,
  ): Promise<CollectifDigestSettings> {
    return this.collectifs.updateDigestSettings(principal.organisationId, body);
  }

  @Post('feed-tokens')
  @Roles('owner', 'member')
  async issueToken(@CurrentPrincipal() principal: Principal) {
    await this.collectifs.assertCollectifFor(principal.organisationId);
    const issued = await this.tokens.issue(principal.organisationId, null);
    return {
      id: issued.id,
      token: issued.token,
      prefix: issued.prefix,
      feeds: feedUrls(this.publicUrl.base(), issued.token),
    };
  }

  @Delete('feed-tokens/:id')
  @Roles('owner', 'member')
  @HttpCode(204)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.tokens.revoke(principal.organisationId, null, id);
  }
}
