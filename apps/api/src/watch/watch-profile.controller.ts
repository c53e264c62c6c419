import { PublicUrlService } from '@app/config';
import {
  FeedQuery,
  DigestRecipientView,
  FeedTokenService,
  renderMatchesCsv,
  WatchProfileService,
} from '@app/watch';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { WatchProfile } from '@app/persistence';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AnswersNoContent, ApiErrors } from '../http/api-response.decorator';
import { feedTokenView, issuedFeedTokenView } from './feed-token-view.util';
import {
  CreateWatchProfileDto,
  CsvQueryDto,
  MatchQueryDto,
  UpdateWatchProfileDto,
} from './watch.dto';
import {
  FeedTokenView,
  IssuedFeedTokenView,
  MATCH_PAGE_EXAMPLE,
  MatchPageView,
  WatchProfileView,
} from './watch-view.dto';

const toQuery = (query: MatchQueryDto) => ({
  sort: query.sort,
  limit: query.limit,
  offset: query.offset,
  minScore: query.minScore,
  statuses: query.status,
  deadlineBefore: query.deadlineBefore,
});

/** A profile as the API shows it: each digest address with where it stands. */
type ProfileWithRecipients = WatchProfile & { digestRecipientStatuses: DigestRecipientView[] };

@ApiTags('watches')
@ApiBearerAuth()
@Controller('api/watches')
export class WatchProfileController {
  constructor(
    private readonly profiles: WatchProfileService,
    private readonly feeds: FeedQuery,
    private readonly tokens: FeedTokenService,
    private readonly publicUrl: PublicUrlService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your organisation’s watch profiles' })
  @ApiOkResponse({ type: [WatchProfileView] })
  async list(@CurrentPrincipal() principal: Principal): Promise<WatchProfileView[]> {
    const views: WatchProfileView[] = [];
    for (const profile of await this.profiles.list(principal.organisationId)) {
      views.push(await this.view(profile));
    }
    return views;
  }

  @Post()
  @Roles('owner', 'member')
  @ApiOperation({ summary: 'Create a watch profile: what your organisation wants to hear about' })
  @ApiCreatedResponse({ type: WatchProfileView })
  @ApiErrors(403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWatchProfileDto,
  ): Promise<WatchProfileView> {
    return this.view(await this.profiles.create(principal.organisationId, body));
  }

  @Get(':id')
  @ApiOkResponse({ type: WatchProfileView })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WatchProfileView> {
    return this.view(await this.profiles.get(principal.organisationId, id));
  }

  @Patch(':id')
  @Roles('owner', 'member')
  @ApiOkResponse({ type: WatchProfileView })
  @ApiErrors(403)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateWatchProfileDto,
  ): Promise<WatchProfileView> {
    return this.view(await this.profiles.update(principal.organisationId, id, body));
  }

  /** Outside addresses show « en attente de confirmation » until they confirm by e-mail. */
  private async view(profile: WatchProfile): Promise<ProfileWithRecipients> {
    return Object.assign(profile, {
      digestRecipientStatuses: await this.profiles.recipientStatuses(profile),
    });
  }

  @Delete(':id')
  @Roles('owner', 'member')
  @AnswersNoContent('Deleted, with its feed tokens')
  @ApiErrors(403)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.profiles.remove(principal.organisationId, id);
  }

  @Get(':id/matches.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="vigie-selection.csv"')
  @ApiOperation({ summary: 'The matches (or the `ids` selection) as CSV, not JSON' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A CSV file', schema: { type: 'string' } })
  async csv(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: CsvQueryDto,
  ): Promise<string> {
    await this.profiles.get(principal.organisationId, id);
    const page = await this.feeds.profileMatches(principal.organisationId, id, {
      ...toQuery(query),
      limit: query.limit ?? 500,
      callIds: query.ids,
    });
    return renderMatchesCsv(page.items);
  }

  @Get(':id/matches')
  @ApiOperation({ summary: 'Calls matching the profile, paginated (`total`, `limit`, `offset`)' })
  @ApiOkResponse({ type: MatchPageView, example: MATCH_PAGE_EXAMPLE })
  async matches(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: MatchQueryDto,
  ): Promise<MatchPageView> {
    await this.profiles.get(principal.organisationId, id);
    const page = await this.feeds.profileMatches(principal.organisationId, id, toQuery(query));
    return {
      total: page.total,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      items: page.items,
    };
  }

  @Get(':id/feed-tokens')
  @ApiOperation({
    summary: 'The profile’s feed tokens (prefixes only; the secret is never shown again)',
  })
  @ApiOkResponse({ type: [FeedTokenView] })
  async listTokens(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<FeedTokenView[]> {
    await this.profiles.get(principal.organisationId, id);
    return (await this.tokens.list(principal.organisationId, id)).map(feedTokenView);
  }

  /** The token is shown once, inside the four feed addresses. */
  @Post(':id/feed-tokens')
  @Roles('owner', 'member')
  @ApiCreatedResponse({ type: IssuedFeedTokenView })
  @ApiErrors(403)
  async issueToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<IssuedFeedTokenView> {
    await this.profiles.get(principal.organisationId, id);
    return issuedFeedTokenView(
      await this.tokens.issue(principal.organisationId, id),
      this.publicUrl.base(),
    );
  }

  @Delete(':id/feed-tokens/:tokenId')
  @Roles('owner', 'member')
  @AnswersNoContent('Revoked: its feed addresses answer 404')
  @ApiErrors(403)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('tokenId', new ParseUUIDPipe()) tokenId: string,
  ): Promise<void> {
    await this.tokens.revoke(principal.organisationId, id, tokenId);
  }
}
