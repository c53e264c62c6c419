import { ApiKeyService, CurrentPrincipal, Principal, Roles } from '@app/tenancy';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ApiKey } from '@app/persistence';
import { ApiErrors } from '../http/api-response.decorator';
import { ApiKeyView, CreateApiKeyDto, IssuedApiKeyView } from './organisation.dto';

const view = (key: ApiKey): ApiKeyView => ({
  id: key.id,
  label: key.label,
  prefix: key.prefix,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/api-keys')
export class ApiKeyController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Get()
  @Roles('owner')
  @ApiOperation({ summary: 'Your organisation’s API keys (prefixes only)' })
  @ApiOkResponse({ type: [ApiKeyView] })
  @ApiErrors(403)
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyView[]> {
    return (await this.apiKeys.list(principal.organisationId)).map(view);
  }

  /** The key is in this answer only; it cannot be shown again. */
  @Post()
  @Roles('owner')
  @ApiCreatedResponse({ type: IssuedApiKeyView })
  @ApiErrors(403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyDto,
  ): Promise<IssuedApiKeyView> {
    const issued = await this.apiKeys.issue(principal.membershipId, body.label);
    return { ...view(issued.record), apiKey: issued.apiKey };
  }

  @Delete(':id')
  @Roles('owner')
  @ApiOkResponse({ type: ApiKeyView, description: 'The key, now revoked' })
  @ApiErrors(403)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ApiKeyView> {
    return view(await this.apiKeys.revoke(principal.organisationId, id));
  }
}
