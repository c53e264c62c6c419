import { AccountException, AccountService, ROLE_LABELS, type InvitationSent } from '@app/account';
import { PublicUrlService, VigieConfig } from '@app/config';
import { LEGAL_FORM_LABELS, LEGAL_FORMS, isLegalForm } from '@app/eligibility';
import { OrganisationService } from '@app/tenancy';
import { MEMBER_ROLES, type MemberRole } from '@app/persistence';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { WebPageError } from '../web.exception';
import { isUuid } from '../page-id.pipe';

/**
 * « Équipe »: the organisation's members, owners invite by e-mail with a role; and the
 * structure's legal form, which decides the calls it may apply to (issue 15).
 */
@WebController('equipe')
export class TeamPageController {
  constructor(
    private readonly accounts: AccountService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly publicUrl: PublicUrlService,
    private readonly config: VigieConfig,
    private readonly organisations: OrganisationService,
  ) {}

  @Get()
  async show(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query('invite') invited?: string,
    @Query('retiree') revoked?: string,
    @Query('renouvelee') renewed?: string,
    @Query('forme') legalFormSaved?: string,
  ): Promise<void> {
    const notice = legalFormSaved
      ? 'Forme juridique enregistrée : l’éligibilité des appels est évaluée pour elle.'
      : invited
        ? renewed
          ? `Invitation renouvelée pour ${invited.slice(0, 254)} : un nouveau lien, valable 7 jours, a été envoyé ; l’ancien ne fonctionne plus.`
          : `Invitation envoyée à ${invited.slice(0, 254)}.`
        : revoked
          ? 'Invitation retirée : son lien ne fonctionne plus.'
          : null;
    await this.render(request, response, { email: '', role: 'member' }, [], notice, 200);
  }

  @Post('invitations')
  @PageRoles('owner')
  async invite(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const email = formText(body, 'email', 254).trim();
    const role = formText(body, 'role') as MemberRole;
    const errors: FieldError[] = [];
    if (!MEMBER_ROLES.includes(role)) {
      errors.push({ field: 'role', message: 'Choisissez un rôle dans la liste.' });
    } else {
      try {
        const sent = await this.accounts.invite(
          request.principal,
          email,
          role,
          this.publicUrl.base(),
        );
        if (sent.link) return await this.showLink(request, response, sent);
        const query = `invite=${encodeURIComponent(sent.email)}${sent.renewed ? '&renouvelee=1' : ''}`;
        return response.redirect(303, `/equipe?${query}`);
      } catch (error) {
        if (!(error instanceof AccountException)) throw error;
        errors.push({ field: String(error.details?.field ?? 'email'), message: error.message });
      }
    }
    await this.render(request, response, { email, role }, errors, null, 400);
  }

  @Post('structure')
  @PageRoles('owner')
  async saveLegalForm(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const legalForm = formText(body, 'legalForm', 50);
    // « Non renseignée » unsets it: verdicts go back to « non évaluée ».
    if (legalForm !== '' && !isLegalForm(legalForm)) {
      const errors = [
        { field: 'legalForm', message: 'Choisissez une forme juridique dans la liste.' },
      ];
      const form = { email: '', role: 'member' };
      return this.render(request, response, form, errors, null, 400, null, legalForm);
    }
    await this.organisations.update(request.principal, { legalForm: legalForm || null });
    response.redirect(303, '/equipe?forme=1#forme-juridique');
  }

  @Post('invitations/:id/retirer')
  @PageRoles('owner')
  async revoke(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
  ): Promise<void> {
    if (!isUuid(id)) throw new WebPageError('not-found');
    await this.accounts.revokeInvitation(request.principal, id);
    response.redirect(303, '/equipe?retiree=1');
  }

  /**
   * E-mail is off (no SMTP_URL): nothing was sent, so the owner gets the link to pass on. It is
   * shown once, on the page answering the POST (only its hash is stored), never redirected to
   * nor logged, and the answer is not cached.
   */
  private async showLink(
    request: SignedInRequest,
    response: Response,
    sent: InvitationSent,
  ): Promise<void> {
    const notice =
      `L’envoi d’e-mails est désactivé sur cette installation : aucun message n’a été envoyé à ${sent.email}. ` +
      (sent.renewed ? 'Invitation renouvelée : l’ancien lien ne fonctionne plus. ' : '') +
      'Copiez le lien ci-dessous et transmettez-le vous-même ; il ne sera plus affiché.';
    response.setHeader('Cache-Control', 'no-store');
    await this.render(request, response, { email: '', role: 'member' }, [], notice, 200, {
      email: sent.email,
      link: sent.link,
    });
  }

  private async render(
    request: SignedInRequest,
    response: Response,
    form: { email: string; role: string },
    errors: FieldError[],
    notice: string | null,
    status: number,
    createdLink: { email: string; link: string | null } | null = null,
    legalFormValue?: string,
  ): Promise<void> {
    const [layout, members, invitations, organisation] = await Promise.all([
      this.context.layout(request, 'Équipe', 'equipe'),
      this.accounts.membersOf(request.principal.organisationId),
      this.accounts.pendingInvitations(request.principal.organisationId),
      this.organisations.findVisible(request.principal, request.principal.organisationId),
    ]);
    const legalForm = legalFormValue ?? organisation.legalForm ?? '';
    this.views.send(
      response,
      'team',
      {
        ...layout,
        notice,
        errors,
        form,
        members,
        invitations,
        roles: MEMBER_ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r] })),
        roleLabels: ROLE_LABELS,
        canInvite: request.principal.role === 'owner',
        createdLink,
        emailOff: !this.config.SMTP_URL,
        legalForm,
        legalFormLabel: isLegalForm(organisation.legalForm)
          ? LEGAL_FORM_LABELS[organisation.legalForm]
          : null,
        legalForms: LEGAL_FORMS.map((id) => ({ id, label: LEGAL_FORM_LABELS[id] })),
      },
      status,
    );
  }
}
