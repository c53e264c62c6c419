import { FeedbackService, OrganisationScoreService } from '@app/classifier';
import type { MemberRole } from '@app/persistence';
import { CallStateService, type CallStatePatch } from '@app/watch';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formText, safeNextPath } from '../form-value.util';
import { PageRoles, WebController } from '../web-page.decorator';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import { parseCallFilter } from './call-filter.util';
import { ThesaurusLabelService } from './thesaurus-label.service';
import { WebCallDetailQuery } from './web-call-detail.query';
import { CALLS_PER_PAGE, WebCallQuery } from './web-call.query';

const NOTICES: Record<string, string> = {
  'pas-pour-nous': 'Appel marqué « pas pour nous » : il ne figure plus dans vos appels pertinents.',
  pertinent: 'Appel marqué « pertinent ».',
  retire: 'Votre avis sur cet appel a été retiré.',
  suivi: 'Vous suivez cet appel : ses changements vous seront signalés.',
  'plus-suivi': 'Vous ne suivez plus cet appel.',
  preselectionne: 'Appel présélectionné.',
  ecarte: 'Appel écarté : il ne figure plus dans vos appels pertinents.',
  remis: 'Appel remis dans votre liste.',
  notes: 'Notes enregistrées.',
};

/** Each tracking button: what it changes in the organisation's call state, and the notice. */
const TRACKING: Record<string, { patch: CallStatePatch; notice: string }> = {
  suivre: { patch: { follow: true }, notice: 'suivi' },
  'ne-plus-suivre': { patch: { follow: false }, notice: 'plus-suivi' },
  preselectionner: { patch: { status: 'shortlisted' }, notice: 'preselectionne' },
  ecarter: { patch: { status: 'dismissed' }, notice: 'ecarte' },
  remettre: { patch: { status: 'seen' }, notice: 'remis' },
};

const NOTES_MAX_LENGTH = 5000;

/** As the API: owners and members track calls; accountants and viewers read. */
const TRACKING_ROLES: MemberRole[] = ['owner', 'member'];

const MARKS: Record<string, boolean | null> = {
  pertinent: true,
  'pas-pour-nous': false,
  retirer: null,
};

/** « Appels »: the filtered list, the « fiche appel », and the relevance marks. */
@WebController('appels')
export class CallPageController {
  constructor(
    private readonly calls: WebCallQuery,
    private readonly details: WebCallDetailQuery,
    private readonly labels: ThesaurusLabelService,
    private readonly feedback: FeedbackService,
    private readonly scores: OrganisationScoreService,
    private readonly states: CallStateService,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
  ) {}

  @Get()
  async list(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const filter = parseCallFilter(
      query,
      new Set(this.labels.themes.map((t) => t.id)),
      new Set(this.labels.euFunds.map((f) => f.id)),
    );
    const [layout, page] = await Promise.all([
      this.context.layout(request, 'Appels à projets', 'appels'),
      this.calls.list(request.principal.organisationId, filter),
    ]);
    const notice = NOTICES[String(query.fait ?? '')] ?? null;
    // After a triage button the confirmation sits with the card acted on (or, when the card
    // left the list, where it was), not at the top of the page: see withNotice.
    const acted = notice && typeof query.appel === 'string' ? query.appel : null;
    this.views.send(response, 'call-list', {
      ...layout,
      notice: acted ? null : notice,
      acted: acted ? { id: acted, notice, onPage: page.rows.some((r) => r.id === acted) } : null,
      errors: filter.errors,
      form: filter.form,
      page,
      perPage: CALLS_PER_PAGE,
      themes: this.labels.themes,
      euFunds: this.labels.euFunds,
      canMark: request.principal.role !== 'viewer',
      canTrack: TRACKING_ROLES.includes(request.principal.role),
      here: request.originalUrl,
      pageLink: (n: number) => pageLink(query, n),
    });
  }

  @Get(':id')
  async detail(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Query('fait') done?: string,
  ): Promise<void> {
    const detail = await this.details.detail(request.principal.organisationId, id);
    const layout = await this.context.layout(request, detail.call.title, 'appels');
    this.views.send(response, 'call-detail', {
      ...layout,
      notice: NOTICES[done ?? ''] ?? null,
      ...detail,
      canMark: request.principal.role !== 'viewer',
      canTrack: TRACKING_ROLES.includes(request.principal.role),
      canApply: request.principal.role !== 'viewer',
      here: `/appels/${detail.call.id}`,
    });
  }

  @Post(':id/avis')
  @PageRoles('owner', 'member', 'accountant')
  async mark(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const choice = formText(body, 'avis');
    if (!(choice in MARKS)) return response.redirect(303, `/appels/${encodeURIComponent(id)}`);
    const mark = MARKS[choice];
    if (mark === null) await this.feedback.unmark(request.principal, id);
    else await this.feedback.mark(request.principal, id, mark);
    // The marked call moves at once; calls like it move on the worker's next pass.
    await this.scores.applyMark(request.principal.organisationId, id);
    const back = safeNextPath(formText(body, 'retour', 2000));
    const notice = choice === 'retirer' ? 'retire' : choice;
    response.redirect(303, withNotice(back, notice, id));
  }

  @Post(':id/suivi')
  @PageRoles(...TRACKING_ROLES)
  async track(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const action = TRACKING[formText(body, 'action')];
    if (!action) return response.redirect(303, `/appels/${encodeURIComponent(id)}`);
    await this.details.assertExists(id);
    await this.states.update(request.principal.organisationId, id, action.patch);
    const back = safeNextPath(formText(body, 'retour', 2000));
    response.redirect(303, withNotice(back, action.notice, id));
  }

  @Post(':id/notes')
  @PageRoles(...TRACKING_ROLES)
  async saveNotes(
    @Req() request: SignedInRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.details.assertExists(id);
    // Longer notes are cut rather than refused: nothing typed is lost up to the limit.
    const notes = formText(body, 'notes', NOTES_MAX_LENGTH);
    await this.states.update(request.principal.organisationId, id, { notes });
    response.redirect(303, withNotice(`/appels/${id}`, 'notes'));
  }
}

/**
 * Back to the page the button was on, with its notice. On the list, the fragment names the card
 * acted on so the browser returns to it (and vigie.js focuses it) instead of the page's top:
 * 26 Tab presses otherwise to get back to where the keyboard user was.
 */
function withNotice(path: string, notice: string, callId?: string): string {
  const url = new URL(path, 'http://vigie.invalid');
  url.searchParams.set('fait', notice);
  if (callId && url.pathname === '/appels') {
    url.searchParams.set('appel', callId);
    url.hash = `appel-${callId}`;
  } else {
    url.searchParams.delete('appel');
    url.hash = '';
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

function pageLink(query: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (
      key === 'page' ||
      key === 'fait' ||
      key === 'appel' ||
      typeof value !== 'string' ||
      value === ''
    )
      continue;
    params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/appels?${search}` : '/appels';
}
