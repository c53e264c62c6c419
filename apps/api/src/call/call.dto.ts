import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ThemeScoreView {
  @ApiProperty({ example: 'mediation_numerique' }) id: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class ExplanationEntryView {
  @ApiProperty({ description: 'thesaurus concept or rule id, semantic:<theme> or feedback' })
  concept: string;
  @ApiProperty({ enum: ['title', 'description', 'funder', 'documents'] }) field: string;
  @ApiProperty({ description: 'the words that matched, as written in the call' }) match: string;
  @ApiProperty({ description: 'signed contribution to the relevance' }) weight: number;
  @ApiProperty({
    enum: ['concept', 'proximity', 'negative', 'eligibility', 'semantic', 'feedback'],
  })
  kind: string;
  @ApiProperty({ type: String, nullable: true }) theme: string | null;
  @ApiProperty({ description: 'a short passage around the match' }) snippet: string;
}

export class MyFeedbackView {
  @ApiProperty() relevant: boolean;
  @ApiProperty({ description: 'ISO timestamp of the last mark' }) markedAt: string;
}

export class CallAmountsView {
  @ApiProperty({ type: Number, nullable: true }) minCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxCents: number | null;
  @ApiProperty({ type: Number, nullable: true }) envelopeCents: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'taux d’intervention, %' })
  ratePct: number | null;
}

export class CallListItemView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) funders: string[];
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-31' }) nextDeadline: string | null;
  @ApiProperty({ description: 'au fil de l’eau: no deadline' }) rolling: boolean;
  @ApiProperty({ type: CallAmountsView }) amounts: CallAmountsView;
  @ApiProperty({ type: String, nullable: true, example: 'FSE_PLUS' }) euFund: string | null;
  @ApiProperty({ type: [ThemeScoreView], description: 'detected themes, best first' })
  themes: ThemeScoreView[];
  @ApiProperty({ description: 'relevance for your organisation (rules + your marks), 0..1' })
  score: number;
  @ApiProperty() relevant: boolean;
  @ApiProperty({ description: 'why, in one French sentence' }) reason: string;
  @ApiProperty({ type: MyFeedbackView, nullable: true }) myFeedback: MyFeedbackView | null;
}

export class CallListView {
  @ApiProperty({
    description:
      'calls matching the filters, all pages; when `totalIsLowerBound`, at least this many (counting stops past 1,000 calls, or past the end of the page asked for if further)',
  })
  total: number;
  @ApiProperty({
    description:
      'true when counting stopped: there are more than `total` calls (page on until a page comes back shorter than `limit`)',
  })
  totalIsLowerBound: boolean;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ type: [CallListItemView] }) items: CallListItemView[];
}

export class CallDeadlineView {
  @ApiProperty({ example: '2027-03-31' }) date: string;
  @ApiPropertyOptional({ example: '12:00' }) time?: string;
  @ApiPropertyOptional({ example: '2e session' }) label?: string;
}

export class CallDocumentView {
  @ApiProperty() url: string;
  @ApiPropertyOptional() title?: string;
}

export class CallSourceView {
  @ApiProperty() sourceId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the call’s page on that source' }) url: string;
  @ApiProperty() firstSeenAt: string;
  @ApiProperty() lastSeenAt: string;
}

export class CallEventView {
  @ApiProperty() occurredAt: string;
  @ApiProperty({
    enum: ['created', 'changed', 'withdrawn', 'reappeared', 'source_added', 'moved'],
  })
  kind: string;
  @ApiProperty({ example: 'date limite reportée du 15/03/2027 au 30/04/2027' }) summary: string;
  @ApiProperty({ type: Object, isArray: true, description: '[{ field, from, to }]' })
  changes: unknown[];
  @ApiProperty({ type: String, nullable: true }) sourceId: string | null;
}

export class CallClassificationView {
  @ApiProperty({ description: 'classifier version (code + thesaurus) that made this score' })
  version: string;
  @ApiProperty() score: number;
  @ApiProperty() relevant: boolean;
  @ApiProperty({ description: 'the shared score, by the rules alone, before your marks' })
  sharedScore: number;
  @ApiProperty({ type: [ThemeScoreView] }) themes: ThemeScoreView[];
  @ApiProperty({ type: String, nullable: true }) euFund: string | null;
  @ApiProperty({ type: [ExplanationEntryView], description: 'every reason, strongest first' })
  explanation: ExplanationEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'your feedback model, if any' })
  feedbackModel: string | null;
  @ApiProperty() reason: string;
}

export class EligibilityView {
  @ApiProperty({
    enum: ['eligible', 'not_eligible', 'unknown'],
    description: 'for your organisation’s legal form; unknown while it has none',
  })
  verdict: string;
  @ApiProperty({ type: String, nullable: true, description: 'your organisation’s legal form' })
  legalForm: string | null;
  @ApiProperty({ type: [String], description: 'beneficiary categories that decided' })
  categories: string[];
  @ApiProperty({ type: [String], description: 'the call’s own words behind the verdict' })
  words: string[];
  @ApiProperty({ example: 'Non éligible : réservé aux entreprises (« réservé aux TPE et PME »)' })
  summary: string;
}

export class CallDetailView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) funders: string[];
  @ApiProperty() descriptionText: string;
  @ApiProperty({ type: String, nullable: true, description: 'sanitised HTML' })
  descriptionHtml: string | null;
  @ApiProperty({ type: [CallDocumentView] }) documents: CallDocumentView[];
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) opensAt: string | null;
  @ApiProperty({ type: [CallDeadlineView] }) deadlines: CallDeadlineView[];
  @ApiProperty({ type: String, nullable: true }) nextDeadline: string | null;
  @ApiProperty() rolling: boolean;
  @ApiProperty({ type: CallAmountsView }) amounts: CallAmountsView;
  @ApiProperty({ type: [String] }) aidTypes: string[];
  @ApiProperty({ type: [String] }) audiences: string[];
  @ApiProperty({ type: [String], description: 'INSEE codes' }) territory: string[];
  @ApiProperty({ enum: ['forthcoming', 'open', 'closed', 'withdrawn'] }) status: string;
  @ApiProperty() firstSeenAt: string;
  @ApiProperty() lastChangedAt: string;
  @ApiProperty({ type: [CallSourceView] }) sources: CallSourceView[];
  @ApiProperty({ type: CallClassificationView }) classification: CallClassificationView;
  @ApiProperty({ type: EligibilityView, description: 'who may apply, for your organisation' })
  eligibility: EligibilityView;
  @ApiProperty({ type: MyFeedbackView, nullable: true }) myFeedback: MyFeedbackView | null;
  @ApiProperty({ type: [CallEventView], description: 'newest first' }) history: CallEventView[];
}

export class FeedbackView {
  @ApiProperty() callId: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null once removed' })
  relevant: boolean | null;
  @ApiProperty({ type: String, nullable: true }) markedAt: string | null;
}

/** The example of GET /api/calls in the document (checked against the schema by the contract test). */
export const CALL_LIST_EXAMPLE: CallListView = {
  total: 1,
  totalIsLowerBound: false,
  limit: 20,
  offset: 0,
  items: [
    {
      id: '6f1c2a4e-8b1d-4c3e-9a57-2d0e5b7c9f10',
      title: 'Appel à projets « Médiation numérique de proximité » 2027',
      funders: ['Région Auvergne-Rhône-Alpes'],
      url: 'https://financeur.example/appels/mediation-2027',
      nextDeadline: '2027-03-01',
      rolling: false,
      amounts: { minCents: null, maxCents: 3_000_000, envelopeCents: null, ratePct: null },
      euFund: null,
      themes: [{ id: 'mediation_numerique', score: 0.91 }],
      score: 0.87,
      relevant: true,
      reason: 'Pertinent : médiation numérique, ateliers pour les publics éloignés.',
      myFeedback: null,
    },
  ],
};
