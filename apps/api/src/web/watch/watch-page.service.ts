import { PublicUrlService } from '@app/config';
import type { WatchProfile } from '@app/persistence';
import {
  AUDIENCE_IDS,
  AUDIENCE_LABELS,
  FeedTokenService,
  feedUrls,
  WatchProfileService,
} from '@app/watch';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { ThesaurusLabelService } from '../call/thesaurus-label.service';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import type { FieldError } from '../web-view.types';
import { WebPageError } from '../web.exception';
import {
  FREQUENCY_CHOICES,
  FREQUENCY_LABELS,
  MATCH_COUNT_CAP,
  WATCH_EDIT_ROLES,
} from './watch-label.constants';
import { WatchPageQuery } from './watch-page.query';
import type {
  IssuedFeedLinks,
  WatchForm,
  WatchFormChoices,
  WatchListItem,
} from './watch-page.types';
import { describeWatch, recipientList, type SummaryLabels } from './watch-summary.util';
import { isUuid } from '../page-id.pipe';

const FEED_FORMATS = [
  {
    id: 'rss',
    label: 'Flux RSS',
    hint: 'Pour un lecteur de flux : Thunderbird, Feedly, Inoreader…',
  },
  { id: 'atom', label: 'Flux Atom', hint: 'Le même flux, au format Atom.' },
  { id: 'json', label: 'JSON Feed', hint: 'Le même flux, au format JSON Feed 1.1.' },
  {
    id: 'ics',
    label: 'Calendrier iCal des dates limites',
    hint: 'Pour un agenda (Thunderbird, Google Agenda, Outlook) : une échéance par date limite, rappelée 14 et 3 jours avant.',
  },
] as const;

export interface DetailOptions {
  form: WatchForm;
  errors?: FieldError[];
  issued?: IssuedFeedLinks | null;
  notice?: string | null;
  status?: number;
}

/** Builds and sends the « Veilles » pages; shared by the profile and the feed-link actions. */
@Injectable()
export class WatchPageService {
  readonly choices: WatchFormChoices;
  private readonly summaryLabels: SummaryLabels;

  constructor(
    private readonly profiles: WatchProfileService,
    private readonly tokens: FeedTokenService,
    private readonly query: WatchPageQuery,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly publicUrl: PublicUrlService,
    labels: ThesaurusLabelService,
  ) {
    this.choices = {
      themes: labels.themes,
      euFunds: labels.euFunds,
      audiences: AUDIENCE_IDS.map((id) => ({ id, label: AUDIENCE_LABELS[id] ?? id })),
      frequencies: FREQUENCY_CHOICES,
    };
    const themeLabels = new Map(labels.themes.map((t) => [t.id, t.label]));
    this.summaryLabels = {
      theme: (id) => themeLabels.get(id) ?? id,
      fund: (id) => labels.fundLabel(id) ?? id,
    };
  }

  canEdit(request: SignedInRequest): boolean {
    return (WATCH_EDIT_ROLES as readonly string[]).includes(request.principal.role);
  }

  /** The organisation's profile; a malformed id, a missing one or another's: the same 404. */
  async profileOf(request: SignedInRequest, id: string): Promise<WatchProfile> {
    if (!isUuid(id)) throw new WebPageError('not-found');
    return this.profiles.get(request.principal.organisationId, id);
  }

  summary(profile: WatchProfile): string {
    return describeWatch(profile, this.summaryLabels);
  }

  /**
   * « Chaque semaine, à direction@epn.fr, elu@mairie.fr (en attente de confirmation) » — who
   * receives it, in words.
   */
  async digest(profile: WatchProfile): Promise<string> {
    const frequency = FREQUENCY_LABELS[profile.digestFrequency];
    if (profile.digestFrequency === 'none') return frequency;
    const to = profile.digestRecipients.length
      ? `à ${recipientList(profile.digestRecipients, await this.profiles.recipientStatuses(profile))}`
      : 'aux responsables et membres de l’organisation';
    return `${frequency}, ${to}`;
  }

  /** Feed addresses on the public address (PUBLIC_URL), never on the request's Host. */
  feedLinks(tokenId: string, token: string): IssuedFeedLinks {
    const urls = feedUrls(this.publicUrl.base(), token);
    return {
      id: tokenId,
      urls: FEED_FORMATS.map((format) => ({ ...format, url: urls[format.id] })),
    };
  }

  async sendList(request: SignedInRequest, response: Response, notice: string | null) {
    const organisationId = request.principal.organisationId;
    const profiles = await this.profiles.list(organisationId);
    const [layout, counts] = await Promise.all([
      this.context.layout(request, 'Veilles', 'veilles'),
      this.query.matchCounts(
        organisationId,
        profiles.map((p) => p.id),
      ),
    ]);
    const items: WatchListItem[] = [];
    for (const profile of profiles) {
      const count = counts.get(profile.id) ?? 0;
      items.push({
        id: profile.id,
        name: profile.name,
        summary: this.summary(profile),
        matches: Math.min(count, MATCH_COUNT_CAP),
        capped: count > MATCH_COUNT_CAP,
        digest: await this.digest(profile),
      });
    }
    this.views.send(response, 'watch-list', {
      ...layout,
      notice,
      items,
      canEdit: this.canEdit(request),
    });
  }

  async sendNew(
    request: SignedInRequest,
    response: Response,
    form: WatchForm,
    errors: FieldError[],
    status: number,
  ) {
    const layout = await this.context.layout(request, 'Nouvelle veille', 'veilles');
    this.views.send(
      response,
      'watch-new',
      { ...layout, errors, form, choices: this.choices },
      status,
    );
  }

  async sendDetail(
    request: SignedInRequest,
    response: Response,
    profile: WatchProfile,
    options: DetailOptions,
  ) {
    const organisationId = request.principal.organisationId;
    const [layout, counts, matches, links] = await Promise.all([
      this.context.layout(request, profile.name, 'veilles'),
      this.query.matchCounts(organisationId, [profile.id]),
      this.query.topMatches(organisationId, profile.id),
      this.tokens.list(organisationId, profile.id),
    ]);
    const count = counts.get(profile.id) ?? 0;
    this.views.send(
      response,
      'watch-detail',
      {
        ...layout,
        notice: options.notice ?? null,
        errors: options.errors ?? [],
        profile: { id: profile.id, name: profile.name },
        summary: this.summary(profile),
        digest: await this.digest(profile),
        matchCount: Math.min(count, MATCH_COUNT_CAP),
        matchCapped: count > MATCH_COUNT_CAP,
        matches,
        links: links.map((link) => ({
          id: link.id,
          prefix: link.tokenPrefix,
          createdAt: link.createdAt,
        })),
        issued: options.issued ?? null,
        form: options.form,
        choices: this.choices,
        canEdit: this.canEdit(request),
      },
      options.status ?? 200,
    );
  }

  async sendDeleteConfirmation(
    request: SignedInRequest,
    response: Response,
    profile: WatchProfile,
  ) {
    const layout = await this.context.layout(request, `Supprimer ${profile.name}`, 'veilles');
    this.views.send(response, 'watch-delete', {
      ...layout,
      profile: { id: profile.id, name: profile.name },
    });
  }
}
