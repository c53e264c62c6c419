import {
  CollectifService,
  FeedTokenService,
  feedUrls,
  WatchException,
  type InviteeCandidate,
} from '@app/watch';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText } from '../form-value.util';
import { PageId, isUuid } from '../page-id.pipe';
import { WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import { WebPageError } from '../web.exception';
import {
  inviteError,
  pageNumber,
  readInviteChoice,
  readOrganisationId,
  readPickForm,
  type InviteProblem,
  type PickForm,
} from './collectif-form.util';
import { parseDigestForm, readDigestForm } from './collectif-digest-form.util';
import { CollectifPageQuery, type OrganisationRef } from './collectif-page.query';
import { CollectifCuration, CuratedCollectif } from './collectif-curation.guard';
import { CollectifPageService } from './collectif-page.service';
import type { FieldError } from '../web-view.types';

/**
 * The coordinator's actions: invite a structure, curate the shared feed (from the « fiche
 * appel » or the page), manage the feed's links and how picks are e-mailed. Only a collectif
 * may; roles as the API.
 */
@WebController('collectif')
export class CollectifCurationController {
  constructor(
    private readonly collectifs: CollectifService,
    private readonly tokens: FeedTokenService,
    private readonly query: CollectifPageQuery,
    private readonly pages: CollectifPageService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Post('invitations')
  @CollectifCuration()
  async invite(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { typed, id: typedId } = readOrganisationId(body);
    let id = readInviteChoice(body) ?? typedId;
    let problem: InviteProblem | null = null;
    let candidates: InviteeCandidate[] = [];
    if (!id && !typed.trim()) problem = 'empty';
    else if (!id) {
      // A coordinator knows a name or an owner's e-mail rather than an identifier.
      const found = await this.collectifs.findInvitee(collectif.id, typed);
      if (found.found === 'one') id = found.organisationId;
      else if (found.found === 'several') {
        problem = 'several';
        candidates = found.candidates;
      } else problem = found.by === 'email' ? 'no-owner' : 'no-name';
    }
    if (!problem && id) problem = await this.inviteProblem(collectif.id, id);
    if (!problem && id) {
      try {
        await this.collectifs.invite(collectif.id, id);
      } catch (error) {
        // Two coordinators inviting at once: the second meets the first's invitation.
        if (!(error instanceof WatchException)) throw error;
        problem = 'invited';
      }
    }
    if (!problem) return response.redirect(303, '/collectif?fait=invitation#membres');
    await this.pages.send(
      request,
      response,
      { errors: [inviteError(problem)], inviteTyped: typed, inviteCandidates: candidates },
      400,
    );
  }

  /** From the « fiche appel »: puts the call in the shared feed (or updates its pick). */
  @Post('selections')
  @CollectifCuration()
  async pick(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const callId = formText(body, 'appel', 100);
    const title = isUuid(callId) ? await this.query.callTitle(callId) : null;
    if (title === null) throw new WebPageError('not-found');
    const { form, error } = readPickForm(body, 'annotation');
    if (error) return this.sendShareForm(request, response, { id: callId, title }, form, [error]);
    const pick = await this.collectifs.pick(collectif.id, {
      callId,
      // An empty field keeps the annotation of a call shared before: nothing is wiped unseen.
      annotation: form.annotation || undefined,
      jointBid: form.jointBid,
    });
    response.redirect(303, `/collectif?fait=ajoute#selection-${pick.id}`);
  }

  @Post('selections/:id')
  @CollectifCuration()
  async updatePick(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @PageId('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    if (!(await this.query.ownsPick(collectif.id, id))) {
      throw new WebPageError('not-found');
    }
    const { form, error } = readPickForm(body, `annotation-${id}`);
    if (error) {
      await this.pages.send(
        request,
        response,
        { errors: [error], pickForms: { [id]: form }, page: pageNumber(formText(body, 'page')) },
        400,
      );
      return;
    }
    await this.collectifs.updatePick(collectif.id, id, form);
    response.redirect(303, `/collectif?fait=modifie#selection-${id}`);
  }

  @Post('selections/:id/retirer')
  @CollectifCuration()
  async removePick(
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @PageId('id') id: string,
  ): Promise<void> {
    await this.collectifs.removePick(collectif.id, id);
    response.redirect(303, '/collectif?fait=retire#fil');
  }

  /** The new link is shown once, on the page answering the POST: only its hash is stored. */
  @Post('liens')
  @CollectifCuration()
  async createLink(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
  ): Promise<void> {
    const issued = await this.tokens.issue(collectif.id, null);
    await this.pages.send(request, response, {
      notice: 'Nouveau lien créé. Copiez ses adresses maintenant : elles ne seront plus affichées.',
      createdFeed: feedUrls(this.pages.baseUrl(), issued.token),
    });
  }

  @Post('liens/:id/revoquer')
  @CollectifCuration()
  async revokeLink(
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @PageId('id') id: string,
  ): Promise<void> {
    await this.tokens.revoke(collectif.id, null, id);
    response.redirect(303, '/collectif?fait=revoque#liens');
  }

  /** « Envoi par e-mail »: how often the picks are e-mailed, and to whom. */
  @Post('envoi')
  @CollectifCuration()
  async updateDigest(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @CuratedCollectif() collectif: OrganisationRef,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const form = readDigestForm(body);
    const { settings, errors } = parseDigestForm(form);
    if (!settings) {
      await this.pages.send(request, response, { errors, digestForm: form }, 400);
      return;
    }
    await this.collectifs.updateDigestSettings(collectif.id, settings);
    response.redirect(303, '/collectif?fait=envoi#envoi');
  }

  private async inviteProblem(
    collectifId: string,
    memberId: string,
  ): Promise<InviteProblem | null> {
    const organisation = await this.query.organisation(memberId);
    if (!organisation) return 'unknown';
    if (organisation.kind !== 'structure') return 'collectif';
    const status = await this.query.membershipStatus(collectifId, memberId);
    if (status === 'accepted') return 'member';
    return status === 'invited' ? 'invited' : null;
  }

  private async sendShareForm(
    request: SignedInRequest,
    response: Response,
    call: { id: string; title: string },
    form: PickForm,
    errors: FieldError[],
  ): Promise<void> {
    const layout = await this.context.layout(request, 'Partager au collectif', 'collectif');
    this.views.send(response, 'collectif-share', { ...layout, errors, call, form }, 400);
  }
}
