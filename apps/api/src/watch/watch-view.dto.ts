import { CALL_STATUSES, DIGEST_FREQUENCIES } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the watch, call-state and collectif routes answer; the controllers return these classes.

export class DigestRecipientStatusView {
  @ApiProperty({ example: 'direction@epn.example' }) email: string;
  @ApiProperty({ enum: ['member', 'pending', 'confirmed', 'unsubscribed'] }) status: string;
  @ApiProperty({ example: 'en attente de confirmation' }) label: string;
}

export class WatchProfileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Médiation numérique 63' }) name: string;
  @ApiProperty({ type: [String], example: ['mediation_numerique'], description: 'empty = any' })
  themes: string[];
  @ApiProperty({ type: [String] }) includeKeywords: string[];
  @ApiProperty({ type: [String] }) excludeKeywords: string[];
  @ApiProperty({ type: [String], description: 'INSEE codes; empty = anywhere' })
  territories: string[];
  @ApiProperty({ type: [String] }) audiences: string[];
  @ApiProperty({ type: [String] }) euFunds: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'integer cents' })
  minAmountCents: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) minScore: number | null;
  @ApiProperty({ type: Number, nullable: true }) deadlineHorizonDays: number | null;
  @ApiProperty({ enum: DIGEST_FREQUENCIES }) digestFrequency: string;
  @ApiProperty({ type: [String], description: 'empty = every user with an e-mail' })
  digestRecipients: string[];
  @ApiProperty({ type: [DigestRecipientStatusView] })
  digestRecipientStatuses: DigestRecipientStatusView[];
  @ApiProperty({ type: String, format: 'date-time' }) feedChangedAt: Date | string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date | string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date | string;
}

export class StoredDeadlineView {
  @ApiProperty({ example: '2027-03-31' }) date: string;
  @ApiPropertyOptional({ example: '12:00' }) time?: string;
  @ApiPropertyOptional({ example: '2e session' }) label?: string;
}

export class PickRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() annotation: string;
  @ApiProperty() jointBid: boolean;
}

/** One call as every output shows it (API, feeds, digest, CSV). */
export class FeedItemView {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty() title: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) funders: string[];
  @ApiProperty({ description: 'the first characters of the description' }) excerpt: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [String], description: 'the themes in French, in the order of `themes`' })
  themeLabels: string[];
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: String, nullable: true }) nextDeadline: string | null;
  @ApiProperty({ type: [StoredDeadlineView] }) deadlines: StoredDeadlineView[];
  @ApiProperty() rolling: boolean;
  @ApiProperty({ type: Number, nullable: true }) amountMinCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) amountMaxCents: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) matchedAt: Date | string;
  @ApiProperty({ type: String, nullable: true, example: 'date limite reportée au 30 avril 2027' })
  changeSummary: string | null;
  @ApiProperty() revision: number;
  @ApiProperty({ type: String, format: 'date-time' }) callUpdatedAt: Date | string;
  @ApiProperty({ enum: CALL_STATUSES }) status: string;
  @ApiProperty() follow: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'your own notes' })
  notes: string | null;
  @ApiProperty({ type: PickRefView, nullable: true, description: 'collectif picks only' })
  pick: PickRefView | null;
}

export class MatchPageView {
  @ApiProperty({ description: 'matches for the filters, all pages' }) total: number;
  @ApiProperty({ example: 50 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
  @ApiProperty({ type: [FeedItemView] }) items: FeedItemView[];
}

export class FeedTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'a1b2c3d4', description: 'first characters, to tell tokens apart' })
  prefix: string;
  @ApiProperty() createdAt: string;
}

export class FeedUrlsView {
  @ApiProperty() rss: string;
  @ApiProperty() atom: string;
  @ApiProperty() json: string;
  @ApiProperty() ics: string;
}

/** The token is in this answer only, inside the four feed addresses. */
export class IssuedFeedTokenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'secret: shown once' }) token: string;
  @ApiProperty() prefix: string;
  @ApiProperty({ type: FeedUrlsView }) feeds: FeedUrlsView;
}

export class CallStateView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ enum: CALL_STATUSES }) status: string;
  @ApiProperty() notes: string;
  @ApiProperty({ description: 'receive this call’s changes in the digest' }) follow: boolean;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'absent until the first change',
  })
  updatedAt?: Date | string;
}

export class CollectifMembershipView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) collectifId: string;
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ enum: ['invited', 'accepted'] }) status: string;
  @ApiProperty() shareFollows: boolean;
  @ApiProperty() shareStatuses: boolean;
  @ApiProperty() shareNotes: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) invitedAt: Date | string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt: Date | string | null;
}

export class SharedPickView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) collectifId: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ example: 'Convient aux EPN' }) annotation: string;
  @ApiProperty() jointBid: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) pickedAt: Date | string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date | string;
}

export class MemberActivityView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: 'only if the member shares its follows' }) follow?: boolean;
  @ApiPropertyOptional({ enum: CALL_STATUSES, description: 'only if shared' }) status?: string;
  @ApiPropertyOptional({ description: 'only if shared' }) notes?: string;
}

/** A collectif's pick as its members see it, with what each member chose to share. */
export class PickFeedItemView extends FeedItemView {
  @ApiProperty({ format: 'uuid' }) collectifId: string;
  @ApiProperty() collectifName: string;
  @ApiProperty({ type: [MemberActivityView] }) members: MemberActivityView[];
}

export class CollectifDigestView {
  @ApiProperty({ enum: DIGEST_FREQUENCIES }) frequency: string;
  @ApiProperty({ type: [String], description: 'empty = every owner and member' })
  recipients: string[];
  @ApiProperty({ type: [DigestRecipientStatusView] })
  recipientStatuses: DigestRecipientStatusView[];
}

/** The example of GET /api/watches/{id}/matches (checked against the schema by the contract test). */
export const MATCH_PAGE_EXAMPLE: MatchPageView = {
  total: 1,
  limit: 50,
  offset: 0,
  items: [
    {
      callId: '6f1c2a4e-8b1d-4c3e-9a57-2d0e5b7c9f10',
      title: 'Fonds inclusion numérique 2027',
      url: 'https://financeur.example/appels/inclusion-2027',
      funders: ['Préfecture du Puy-de-Dôme'],
      excerpt: 'Soutien aux actions de médiation numérique portées par les associations et EPN.',
      score: 0.8,
      themes: ['mediation_numerique'],
      themeLabels: ['Médiation numérique'],
      reasons: ['thème « Médiation numérique » (correspondance 80 %)', 'territoire : Puy-de-Dôme'],
      nextDeadline: '2027-04-15',
      deadlines: [{ date: '2027-04-15' }],
      rolling: false,
      amountMinCents: null,
      amountMaxCents: 7_200_000,
      matchedAt: '2026-11-20T06:02:00.000Z',
      changeSummary: null,
      revision: 0,
      callUpdatedAt: '2026-11-20T06:00:00.000Z',
      status: 'shortlisted',
      follow: true,
      notes: 'à voir',
      pick: null,
    },
  ],
};
