import { PublicUrlService } from '@app/config';
import {
  FeedItem,
  FeedQuery,
  FeedTokenService,
  feedUrls,
  renderMatchesCsv,
  WatchProfileService,
} from '@app/watch';
import { CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { FeedToken, WatchProfile } from '@app/persistence';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateWatchProfileDto,
  CsvQueryDto,
  MatchQueryDto,
  UpdateWatchProfileDto,
} from './watch.dto';

const toQuery = (query: MatchQueryDto) => ({
  sort: query.sort,
  limit: query.limit,
  offset: query.offset,
  minScore: query.minScore,
  statuses: query.status,
  deadlineBefore: query.deadlineBefore,
});

const tokenView = (token: FeedToken) => ({
  id: token.id,
  prefix: token.tokenPrefix,
  createdAt: token.createdAt.toISOString(),
});

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
  list(@CurrentPrincipal() principal: Principal): Promise<WatchProfile[]> {
    return this.profiles.list(principal.organisationId);
  }

  @Post()
  @Roles('owner', 'member')
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWatchProfileDto,
  ): Promise<WatchProfile> {
    return this.profiles.create(principal.organisationId, body);
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WatchProfile> {
    return this.profiles.get(principal.organisationId, id);
  }

  @Patch(':id')
  @Roles('owner', 'member')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateWatchProfileDto,
  ): Promise<WatchProfile> {
    return this.profiles.update(principal.organisationId, id, body);
  }

  @Delete(':id')
  @Roles('owner', 'member')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.profiles.remove(principal.organisationId, id);
  }

  @Get(':id/matches.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="vigie-selection.csv"')
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
  async matches(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: MatchQueryDto,
  ): Promise<{ total: number; limit: number; offset: number; items: FeedItem[] }> {
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
  async listTokens(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    await this.profiles.get(principal.organisationId, id);
    return (await this.tokens.list(principal.organisationId, id)).map(tokenView);
  }

  /** The token is shown once, inside the four feed addresses. */
  @Post(':id/feed-tokens')
  @Roles('owner', 'member')
  async issueToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    await this.profiles.get(principal.organisationId, id);
    const issued = await this.tokens.issue(principal.organisationId, id);
    return {
      id: issued.id,
      token: issued.token,
      prefix: issued.prefix,
      feeds: feedUrls(this.publicUrl.base(), issued.token),
    };
  }

  @Delete(':id/feed-tokens/:tokenId')
  @Roles('owner', 'member')
  @HttpCode(204)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('tokenId', new ParseUUIDPipe()) tokenId: string,
  ): Promise<void> {
    await this.tokens.revoke(principal.organisationId, id, tokenId);
  }
}
