import { WatchException, WatchExceptionCode, WatchProfileService } from '@app/watch';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageRoles, WebController } from '../web-page.decorator';
import type { SignedInRequest } from '../web-request.types';
import type { FieldError } from '../web-view.types';
import {
  emptyWatchForm,
  parseWatchForm,
  readWatchForm,
  serviceFieldError,
  watchFormOf,
} from './watch-form.util';
import { WATCH_EDIT_ROLES } from './watch-label.constants';
import { takeFeedLinkFlash } from './feed-link-flash.util';
import { WatchPageService } from './watch-page.service';
import type { WatchForm } from './watch-page.types';
import type { WatchProfileInput } from '@app/watch';

const NOTICES: Record<string, string> = {
  creee: 'Veille créée. Voici les appels qui lui correspondent déjà.',
  enregistree: 'Veille enregistrée. Ses appels correspondants ont été recalculés.',
  supprimee: 'Veille supprimée, avec ses liens de flux.',
  'lien-revoque': 'Lien de flux révoqué : son adresse ne répond plus.',
  'lien-cree': 'Nouveau lien de flux créé. Copiez ses adresses ci-dessous.',
};

const noticeOf = (key: unknown) => NOTICES[String(key ?? '')] ?? null;

/** « Veilles »: the organisation's watch profiles, each with its matches, feeds and digest. */
@WebController('veilles')
export class WatchPageController {
  constructor(
    private readonly profiles: WatchProfileService,
    private readonly pages: WatchPageService,
  ) {}

  @Get()
  async list(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('fait') done?: string,
  ): Promise<void> {
    await this.pages.sendList(request, response, noticeOf(done));
  }

  @Get('nouvelle')
  @PageRoles(...WATCH_EDIT_ROLES)
  async newForm(@Req() request: SignedInRequest, @Res() response: Response): Promise<void> {
    await this.pages.sendNew(request, response, emptyWatchForm(), [], 200);
  }

  @Post('nouvelle')
  @PageRoles(...WATCH_EDIT_ROLES)
  async create(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = readWatchForm(body);
    const organisationId = request.principal.organisationId;
    const outcome = await this.save(form, (input) => this.profiles.create(organisationId, input));
    if ('id' in outcome) return response.redirect(303, `/veilles/${outcome.id}?fait=creee`);
    await this.pages.sendNew(request, response, form, outcome.errors, 400);
  }

  @Get(':id')
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Query('fait') done?: string,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    const flash = takeFeedLinkFlash(request, response, profile.id);
    // « lien-cree » without its flash (a reload, a bookmark): no claim that a link was created.
    const notice = done === 'lien-cree' && !flash ? null : noticeOf(done);
    await this.pages.sendDetail(request, response, profile, {
      form: watchFormOf(profile),
      issued: flash ? this.pages.feedLinks(flash.tokenId, flash.token) : null,
      notice,
    });
  }

  @Post(':id')
  @PageRoles(...WATCH_EDIT_ROLES)
  async update(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    const form = readWatchForm(body);
    const organisationId = request.principal.organisationId;
    const outcome = await this.save(form, (input) =>
      this.profiles.update(organisationId, profile.id, input),
    );
    if ('id' in outcome) return response.redirect(303, `/veilles/${profile.id}?fait=enregistree`);
    await this.pages.sendDetail(request, response, profile, {
      form,
      errors: outcome.errors,
      status: 400,
    });
  }

  @Get(':id/supprimer')
  @PageRoles(...WATCH_EDIT_ROLES)
  async confirmRemoval(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    await this.pages.sendDeleteConfirmation(request, response, profile);
  }

  @Post(':id/supprimer')
  @PageRoles(...WATCH_EDIT_ROLES)
  async remove(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    const profile = await this.pages.profileOf(request, id);
    await this.profiles.remove(request.principal.organisationId, profile.id);
    response.redirect(303, '/veilles?fait=supprimee');
  }

  /** Form errors first, then the watch service's refusals (an unknown code, named). */
  private async save(
    form: WatchForm,
    store: (input: WatchProfileInput) => Promise<{ id: string }>,
  ): Promise<{ id: string } | { errors: FieldError[] }> {
    const { input, errors } = parseWatchForm(form);
    if (errors.length) return { errors };
    try {
      return { id: (await store(input)).id };
    } catch (error) {
      const refused =
        error instanceof WatchException && error.code === WatchExceptionCode.INVALID_PROFILE
          ? serviceFieldError(error.details)
          : null;
      if (!refused) throw error;
      return { errors: [refused] };
    }
  }
}
