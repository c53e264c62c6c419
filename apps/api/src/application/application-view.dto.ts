import {
  APPLICATION_STATUSES,
  EU_AREAS,
  FUNDING_KINDS,
  FUNDING_LINE_STATUSES,
  TreasuryWarningCode,
} from '@app/treasury';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BridgeDto,
  ClaimDto,
  ExpenseDto,
  FundingScheduleDto,
  IndicatorDto,
  InputWarningDto,
  TaskDto,
} from './application.dto';

// What the application routes answer. The controllers declare these classes as their return
// types, so a view of @app/treasury that drifts from them is a type error, and the contract
// e2e test checks the answers themselves against the document built from them.

const CENTS = 'Integer cents (150000 = 1 500 €)';

export class StoredFundingLineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Département du Puy-de-Dôme (FSE+)' }) funder: string;
  @ApiProperty({ enum: FUNDING_KINDS }) kind: string;
  @ApiProperty({ example: 7_200_000, description: CENTS }) amountCents: number;
  @ApiProperty({ enum: FUNDING_LINE_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-12-15' }) signedAt: string | null;
  @ApiProperty({ type: FundingScheduleDto, nullable: true })
  schedule: FundingScheduleDto | null;
  @ApiProperty({ type: BridgeDto, nullable: true }) bridge: BridgeDto | null;
  @ApiProperty() intermediateBody: boolean;
  @ApiPropertyOptional({
    type: [ClaimDto],
    nullable: true,
    description: 'Payment claims of a reimbursement fund (null: the rule’s periodic ones)',
  })
  claims?: ClaimDto[] | null;
}

export class StatusEventEntryView {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true }) from: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: string;
  @ApiProperty({ example: '2026-01-15', description: 'Day it happened' }) at: string;
  @ApiProperty({ type: String, nullable: true }) byUserId: string | null;
  @ApiProperty({ description: 'ISO timestamp it was recorded' }) recordedAt: string;
}

/** An application as every application route answers it; `version` goes back with an edit. */
export class StoredApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) callId: string | null;
  @ApiProperty({ example: 'Parcours numériques vers l’emploi' }) title: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-15' })
  submissionDeadline: string | null;
  @ApiProperty({ example: '2026-01' }) operationStart: string;
  @ApiProperty({ example: '2026-12' }) operationEnd: string;
  @ApiProperty({ example: 12_000_000, description: CENTS }) totalCostCents: number;
  @ApiProperty({ type: [ExpenseDto], nullable: true, description: 'null: the cost spread evenly' })
  expenses: ExpenseDto[] | null;
  @ApiProperty({ type: [IndicatorDto] }) indicators: IndicatorDto[];
  @ApiProperty({ type: [TaskDto] }) tasks: TaskDto[];
  @ApiProperty({ enum: EU_AREAS, nullable: true }) euArea: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) notifiedAt: string | null;
  @ApiProperty({ example: 3, description: 'Send it back (body or If-Match) with the next edit' })
  version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [StoredFundingLineView] }) fundingLines: StoredFundingLineView[];
  @ApiPropertyOptional({ type: [StatusEventEntryView], description: 'Oldest first' })
  history?: StatusEventEntryView[];
  @ApiPropertyOptional({
    type: [InputWarningDto],
    description:
      'On create and edit answers only: accepted but worth checking (an operation already over).',
  })
  warnings?: InputWarningDto[];
}

/** The answer to a create or an edit: the stored application as GET returns it, plus `warnings`. */
export class ApplicationWrittenDto extends StoredApplicationView {
  @ApiProperty({
    type: [InputWarningDto],
    description:
      'Accepted but worth checking (an operation whose end month is before the current month, Europe/Paris). Empty when none. Only on create and edit answers.',
  })
  declare warnings: InputWarningDto[];
}

export class TreasuryWarningView {
  @ApiProperty({ enum: TreasuryWarningCode }) code: string;
  @ApiProperty({ enum: ['info', 'warning', 'critical'] }) severity: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-04' }) month: string | null;
  @ApiProperty({ type: String, nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, nullable: true }) fundingLineId: string | null;
  @ApiProperty({ type: Number, nullable: true }) amountCents: number | null;
  @ApiProperty({ description: 'French: the fact, then what to do next' }) message: string;
}

export class EuShareView {
  @ApiProperty({ enum: FUNDING_KINDS }) kind: string;
  @ApiProperty({ description: CENTS }) amountCents: number;
  @ApiProperty({ example: 60, description: 'Share of the total cost, %' }) ratePct: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Maximum for the area, %' })
  maxRatePct: number | null;
}

export class FundingPlanView {
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: CENTS }) totalCostCents: number;
  @ApiProperty({ description: 'Every line except loans, self-funding included' })
  fundedCents: number;
  @ApiProperty() selfFundingCents: number;
  @ApiProperty({ description: 'Granted or received lines plus self-funding' })
  securedCents: number;
  @ApiProperty({ description: 'Planned or requested lines' }) unsecuredCents: number;
  @ApiProperty({ description: 'Total cost no line covers (0 when covered)' }) gapCents: number;
  @ApiProperty({ description: 'Lines above the total cost (0 when not)' }) surplusCents: number;
  @ApiProperty({ type: [EuShareView] }) euShares: EuShareView[];
  @ApiProperty({ type: [TreasuryWarningView] }) issues: TreasuryWarningView[];
}

export class CofinancingCandidateView {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty() title: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) funders: string[];
  @ApiProperty({ example: 'open' }) status: string;
  @ApiProperty({ type: String, nullable: true }) nextDeadline: string | null;
  @ApiProperty() rolling: boolean;
  @ApiProperty({ type: [String] }) territory: string[];
  @ApiProperty({ type: Number, nullable: true }) amountMaxCents: number | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String], description: 'French, strongest first' }) reasons: string[];
}

export class CofinancingView {
  @ApiProperty() applicationId: string;
  @ApiProperty({ description: CENTS }) gapCents: number;
  @ApiProperty({ example: '2026-01-01', description: 'Calls must close before this day' })
  operationStartsOn: string;
  @ApiProperty({ type: [CofinancingCandidateView] }) candidates: CofinancingCandidateView[];
}

export class TreasuryMovementView {
  @ApiProperty({ type: String, nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, nullable: true }) fundingLineId: string | null;
  @ApiProperty({ enum: FUNDING_KINDS, nullable: true }) kind: string | null;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction: string;
  @ApiProperty({ description: 'Positive; `direction` says which way' }) amountCents: number;
}

export class TreasuryMonthView {
  @ApiProperty({ example: '2026-01' }) month: string;
  @ApiProperty() openingCents: number;
  @ApiProperty() inflowsCents: number;
  @ApiProperty() outflowsCents: number;
  @ApiProperty() closingCents: number;
  @ApiPropertyOptional({
    type: [TreasuryMovementView],
    description: 'Absent from GET /api/treasury?lines=false',
  })
  lines?: TreasuryMovementView[];
}

export class PeakNeedView {
  @ApiProperty({ type: String, nullable: true }) month: string | null;
  @ApiProperty({ description: 'Lowest closing balance below zero; 0 when never negative' })
  amountCents: number;
}

export class TreasuryProjectionView {
  @ApiProperty({ type: [TreasuryMonthView] }) months: TreasuryMonthView[];
  @ApiProperty({ type: [TreasuryWarningView] }) warnings: TreasuryWarningView[];
  @ApiProperty({ type: PeakNeedView }) peakNeed: PeakNeedView;
}

/** The example of GET /api/applications/{id} (checked against the schema by the contract test). */
export const APPLICATION_EXAMPLE: StoredApplicationView = {
  id: '0b7d9a51-3c2e-4f6a-8d14-5e9b2c7a1f03',
  callId: null,
  title: 'Parcours numériques vers l’emploi',
  status: 'granted',
  submissionDeadline: '2025-11-30',
  operationStart: '2026-01',
  operationEnd: '2026-12',
  totalCostCents: 12_000_000,
  expenses: null,
  indicators: [{ key: 'people_accompanied', label: 'Personnes accompagnées', planned: 400 }],
  tasks: [{ label: 'Bilan intermédiaire FSE+', kind: 'interim_report', dueDate: '2026-07-31' }],
  euArea: 'mainland',
  submittedAt: '2025-11-20',
  notifiedAt: '2025-12-10',
  version: 3,
  createdAt: '2025-10-02T09:14:00.000Z',
  updatedAt: '2025-12-15T16:40:00.000Z',
  fundingLines: [
    {
      id: '5d2e8c1a-7b3f-4e9d-a6c2-1f0b9e8d7c6a',
      funder: 'Département du Puy-de-Dôme (FSE+)',
      kind: 'FSE_PLUS',
      amountCents: 7_200_000,
      status: 'granted',
      signedAt: '2025-12-15',
      schedule: null,
      bridge: null,
      intermediateBody: false,
    },
  ],
  history: [
    {
      from: null,
      to: 'granted',
      at: '2025-12-10',
      byUserId: null,
      recordedAt: '2025-12-10T10:00:00.000Z',
    },
  ],
};
