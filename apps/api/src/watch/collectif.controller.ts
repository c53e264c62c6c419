import { PublicUrlService } from '@app/config';
import { CollectifService, FeedTokenService } from '@app/watch';
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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnswersNoContent, ApiErrors } from '../http/api-response.decorator';
import { issuedFeedTokenView } from './feed-token-view.util';
import { CollectifDigestDto, InvitationDto, PickDto, PickPatchDto, SharingDto } from './watch.dto';
import {
  CallStateView,
  CollectifDigestView,
  CollectifMembershipView,
  IssuedFeedTokenView,
  PickFeedItemView,
  SharedPickView,
} from './watch-view.dto';

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
  @ApiOperation({ summary: 'Invite a structure (by id, name or owner e-mail) into your collectif' })
  @ApiCreatedResponse({ type: CollectifMembershipView })
  @ApiErrors(403, 404, 409)
  invite(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InvitationDto,
  ): Promise<CollectifMembershipView> {
    return body.memberOrganisationId !== undefined
      ? this.collectifs.invite(principal.organisationId, body.memberOrganisationId)
      : this.collectifs.inviteByText(principal.organisationId, body.member ?? '');
  }

  @Get('invitations')
  @ApiOperation({
    summary: 'Memberships your organisation sent (collectif) or received (structure)',
  })
  @ApiOkResponse({ type: [CollectifMembershipView] })
  invitations(@CurrentPrincipal() principal: Principal): Promise<CollectifMembershipView[]> {
    return this.collectifs.invitations(principal.organisationId);
  }

  /** Accepted by the invited organisation itself, with its own key. */
  @Post('invitations/:id/accept')
  @Roles('owner')
  @HttpCode(200)
  @ApiOkResponse({ type: CollectifMembershipView })
  @ApiErrors(403)
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CollectifMembershipView> {
    return this.collectifs.accept(principal.organisationId, id);
  }

  /** What this member shows the collectif's other members (follows, statuses, notes). */
  @Patch('memberships/:id')
  @Roles('owner')
  @ApiOkResponse({ type: CollectifMembershipView })
  @ApiErrors(403)
  sharing(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SharingDto,
  ): Promise<CollectifMembershipView> {
    return this.collectifs.updateSharing(principal.organisationId, id, body);
  }

  @Get('picks')
  @ApiOperation({ summary: 'The picks of your collectif(s), with what each member shares' })
  @ApiOkResponse({ type: [PickFeedItemView] })
  picks(@CurrentPrincipal() principal: Principal): Promise<PickFeedItemView[]> {
    return this.collectifs.picksFor(principal.organisationId);
  }

  @Post('picks')
  @Roles('owner', 'member')
  @ApiCreatedResponse({ type: SharedPickView })
  @ApiErrors(403, 404, 409)
  pick(@CurrentPrincipal() principal: Principal, @Body() body: PickDto): Promise<SharedPickView> {
    return this.collectifs.pick(principal.organisationId, body);
  }

  @Patch('picks/:id')
  @Roles('owner', 'member')
  @ApiOkResponse({ type: SharedPickView })
  @ApiErrors(403)
  updatePick(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PickPatchDto,
  ): Promise<SharedPickView> {
    return this.collectifs.updatePick(principal.organisationId, id, body);
  }

  @Delete('picks/:id')
  @Roles('owner', 'member')
  @AnswersNoContent('Removed from the shared feed')
  @ApiErrors(403)
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
  @ApiOkResponse({
    type: CallStateView,
    description: 'Your state on the call: shortlisted, followed',
  })
  @ApiErrors(403)
  copy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CallStateView> {
    return this.collectifs.copyPick(principal.organisationId, id);
  }

  /** How the picks are e-mailed; a collectif that never chose gets weekly, to everyone. */
  @Get('digest')
  @ApiOkResponse({ type: CollectifDigestView })
  @ApiErrors(403)
  digest(@CurrentPrincipal() principal: Principal): Promise<CollectifDigestView> {
    return this.collectifs.digestSettings(principal.organisationId);
  }

  @Put('digest')
  @Roles('owner', 'member')
  @ApiOkResponse({ type: CollectifDigestView })
  @ApiErrors(403)
  updateDigest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CollectifDigestDto,
  ): Promise<CollectifDigestView> {
    return this.collectifs.updateDigestSettings(principal.organisationId, body);
  }

  @Post('feed-tokens')
  @Roles('owner', 'member')
  @ApiOperation({ summary: 'A feed token for the collectif’s shared picks' })
  @ApiCreatedResponse({ type: IssuedFeedTokenView })
  @ApiErrors(403)
  async issueToken(@CurrentPrincipal() principal: Principal): Promise<IssuedFeedTokenView> {
    await this.collectifs.assertCollectifFor(principal.organisationId);
    return issuedFeedTokenView(
      await this.tokens.issue(principal.organisationId, null),
      this.publicUrl.base(),
    );
  }

  @Delete('feed-tokens/:id')
  @Roles('owner', 'member')
  @AnswersNoContent('Revoked')
  @ApiErrors(403)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.tokens.revoke(principal.organisationId, null, id);
  }
}
