import {
  APPLICATION_STATUSES,
  EU_AREAS,
  FUNDING_KINDS,
  FUNDING_LINE_STATUSES,
  TASK_KINDS,
} from '@app/treasury';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_VERSION } from '../http/number-bounds.constants';

// Shapes only: amounts, months, dates and kinds are checked by @app/treasury's validator, the
// source of truth for money rules, which names the field at fault (`fundingLines[1].amountCents`).

const CENTS = 'Integer cents (150000 = 1 500 €), 0 to 10 000 000 000 (100 M€)';

export class PaymentDto {
  @ApiProperty({ example: '2026-03' }) @Allow() month: string;
  @ApiProperty({ example: 2_160_000, description: CENTS }) @Allow() amountCents: number;
}

export class InterimPaymentDto {
  @ApiProperty({ example: 30, description: 'Share of the line, 0–100' }) @Allow() pct: number;
  @ApiProperty({ example: 6 }) @Allow() monthsAfterStart: number;
}

export class FundingScheduleDto {
  @ApiPropertyOptional({ example: 30 }) @IsOptional() advancePct?: number;
  @ApiPropertyOptional({ example: 1, description: 'After signedAt, or the operation start' })
  @IsOptional()
  advanceDelayMonths?: number;
  @ApiPropertyOptional({ type: [InterimPaymentDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => InterimPaymentDto)
  interim?: InterimPaymentDto[];
  @ApiPropertyOptional({ example: 9, description: 'After the operation end' })
  @IsOptional()
  balanceDelayMonths?: number;
  @ApiPropertyOptional({
    example: 11,
    description:
      'Months from the later of a claim and the co-financer payments it proves to the payment, as the convention announces; default the rules file',
  })
  @IsOptional()
  claimDelayMonths?: number;
  @ApiPropertyOptional({ type: [PaymentDto], description: 'Used verbatim, instead of the rules' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PaymentDto)
  payments?: PaymentDto[];
}

export class CofinancerPaymentRefDto {
  @ApiProperty({ example: 1, description: 'Index of the co-financer’s line in fundingLines' })
  @Allow()
  line: number;
  @ApiProperty({ example: '2027-02', description: 'Month of the payment relied on' })
  @Allow()
  month: string;
}

export class ClaimDto {
  @ApiProperty({ example: '2027-03-15', description: 'Day filed (or planned)' })
  @Allow()
  filedOn: string;
  @ApiPropertyOptional({ description: 'Not filed yet: filedOn is the planned day' })
  @IsOptional()
  planned?: boolean;
  @ApiProperty({ example: '2026-04', description: 'First month of the expenses it covers' })
  @Allow()
  periodStart: string;
  @ApiProperty({ example: '2027-01', description: 'Last month of the expenses it covers' })
  @Allow()
  periodEnd: string;
  @ApiPropertyOptional({
    example: 4_200_000,
    description: `Expenses presented; default every eligible expense of the period. ${CENTS}`,
  })
  @IsOptional()
  expensesCents?: number;
  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', enum: ['received_by_claim'] },
      {
        type: 'array',
        items: {
          type: 'object',
          required: ['line', 'month'],
          properties: { line: { type: 'integer' }, month: { type: 'string', example: '2027-02' } },
        },
      },
    ],
    description:
      'Co-financer payments it proves: every national co-financer payment received by the claim’s month (default), or the listed ones',
  })
  @IsOptional()
  cofinancing?: 'received_by_claim' | CofinancerPaymentRefDto[];
}

export class BridgeDto {
  @ApiProperty({ example: '2027-12', description: 'Month the loan is repaid in full' })
  @Allow()
  endMonth: string;
}

export class FundingLineDto {
  @ApiProperty({ example: 'Région Auvergne-Rhône-Alpes' }) @Allow() funder: string;
  @ApiProperty({ enum: FUNDING_KINDS }) @Allow() kind: string;
  @ApiProperty({ example: 7_200_000, description: CENTS }) @Allow() amountCents: number;
  @ApiProperty({ enum: FUNDING_LINE_STATUSES }) @Allow() status: string;
  @ApiPropertyOptional({ example: '2025-12-15' }) @IsOptional() signedAt?: string | null;
  @ApiPropertyOptional({ type: FundingScheduleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingScheduleDto)
  schedule?: FundingScheduleDto | null;
  @ApiPropertyOptional({ type: BridgeDto, description: 'BRIDGE_LOAN only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BridgeDto)
  bridge?: BridgeDto | null;
  @ApiPropertyOptional({ description: 'FSE_PLUS managed by an intermediate body (advance capped)' })
  @IsOptional()
  @IsBoolean()
  intermediateBody?: boolean;
  @ApiPropertyOptional({
    type: [ClaimDto],
    description: 'Reimbursement funds only: payment claims, in place of the rule’s periodic ones',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ClaimDto)
  claims?: ClaimDto[] | null;
}

/** A partial line: only the fields sent change. */
export class UpdateFundingLineDto {
  @ApiPropertyOptional() @IsOptional() funder?: string;
  @ApiPropertyOptional({ enum: FUNDING_KINDS }) @IsOptional() kind?: string;
  @ApiPropertyOptional({ description: CENTS }) @IsOptional() amountCents?: number;
  @ApiPropertyOptional({ enum: FUNDING_LINE_STATUSES }) @IsOptional() status?: string;
  @ApiPropertyOptional() @IsOptional() signedAt?: string | null;
  @ApiPropertyOptional({ type: FundingScheduleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingScheduleDto)
  schedule?: FundingScheduleDto | null;
  @ApiPropertyOptional({ type: BridgeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BridgeDto)
  bridge?: BridgeDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() intermediateBody?: boolean;
  @ApiPropertyOptional({ type: [ClaimDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ClaimDto)
  claims?: ClaimDto[] | null;
  @ApiPropertyOptional({
    description: 'The application version this edit starts from (or If-Match)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  version?: number;
}

export class NewFundingLineDto extends FundingLineDto {
  @ApiPropertyOptional({
    description: 'The application version this edit starts from (or If-Match)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  version?: number;
}

export class ExpenseDto {
  @ApiProperty({ example: '2026-03' }) @Allow() month: string;
  @ApiProperty({ description: CENTS }) @Allow() amountCents: number;
  @ApiPropertyOptional() @IsOptional() label?: string;
  @ApiPropertyOptional({ example: '2026-02-20', description: 'Date of the signed quote or order' })
  @IsOptional()
  committedOn?: string;
}

export class TaskDto {
  @ApiProperty({ example: 'Bilan intermédiaire FSE+' }) @Allow() label: string;
  @ApiProperty({ enum: TASK_KINDS }) @Allow() kind: string;
  @ApiProperty({ example: '2026-07-31' }) @Allow() dueDate: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
}

export class IndicatorDto {
  @ApiProperty({
    example: 'people_accompanied',
    description: 'people_accompanied, workshops, hours, or your own',
  })
  @Allow()
  key: string;
  @ApiPropertyOptional({ example: 'Personnes accompagnées' }) @IsOptional() label?: string;
  @ApiProperty({ example: 400 }) @Allow() planned: number;
  @ApiPropertyOptional({
    description:
      'Refused since issue 18: achieved counts are dated activity (POST /api/applications/:id/activity)',
    deprecated: true,
  })
  @IsOptional()
  achieved?: number;
}

class ApplicationFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The call for projects this answers' })
  @IsOptional()
  callId?: string | null;
  @ApiPropertyOptional({ example: '2026-02-15' }) @IsOptional() submissionDeadline?: string | null;
  @ApiPropertyOptional({ type: [ExpenseDto], description: 'Default: the total cost spread evenly' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ExpenseDto)
  expenses?: ExpenseDto[] | null;
  @ApiPropertyOptional({ type: [IndicatorDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];
  @ApiPropertyOptional({ type: [TaskDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks?: TaskDto[];
  @ApiPropertyOptional({ enum: EU_AREAS }) @IsOptional() euArea?: string | null;
  @ApiPropertyOptional({
    example: '2025-11-20',
    description: 'Filing receipt (accusé de réception)',
  })
  @IsOptional()
  submittedAt?: string | null;
  @ApiPropertyOptional({ example: '2025-12-10', description: 'Notification of the grant' })
  @IsOptional()
  notifiedAt?: string | null;
}

export class CreateApplicationDto extends ApplicationFieldsDto {
  @ApiProperty({ example: 'Parcours numériques vers l’emploi' }) @Allow() title: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, default: 'idea' })
  @IsOptional()
  status?: string;
  @ApiProperty({ example: '2026-01', description: 'YYYY-MM or YYYY-MM-DD' })
  @Allow()
  operationStart: string;
  @ApiProperty({ example: '2026-12' }) @Allow() operationEnd: string;
  @ApiProperty({ example: 12_000_000, description: CENTS }) @Allow() totalCostCents: number;
  @ApiPropertyOptional({
    type: [FundingLineDto],
    description: 'Owner or accountant only when not empty',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => FundingLineDto)
  fundingLines?: FundingLineDto[];
}

export class UpdateApplicationDto extends ApplicationFieldsDto {
  @ApiPropertyOptional() @IsOptional() title?: string;
  @ApiPropertyOptional() @IsOptional() operationStart?: string;
  @ApiPropertyOptional() @IsOptional() operationEnd?: string;
  @ApiPropertyOptional({ description: CENTS }) @IsOptional() totalCostCents?: number;
  @ApiPropertyOptional({ description: 'The version this edit starts from (or If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  version?: number;
}

export class StatusChangeDto {
  @ApiProperty({ enum: APPLICATION_STATUSES }) @Allow() status: string;
  @ApiPropertyOptional({
    example: '2026-01-15',
    description: 'Day it happened; default today (Europe/Paris)',
  })
  @IsOptional()
  at?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_VERSION) version?: number;
}

/** `?version=3` on DELETE routes, which have no body. */
export class VersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  version?: number;
}

export class ApplicationListQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsString()
  @IsIn(APPLICATION_STATUSES)
  status?: (typeof APPLICATION_STATUSES)[number];
}

/** Something a create or an edit accepted but that deserves a second look. */
export class InputWarningDto {
  @ApiProperty({ example: 'operationEnd' }) path: string;
  @ApiProperty({ enum: ['OPERATION_IN_PAST'] }) code: string;
  @ApiProperty({
    example:
      'Attention : l’opération s’est terminée en décembre 2020, avant le mois en cours (novembre 2026). Si c’est une erreur de saisie, corrigez les dates ; sinon, le dossier est bien enregistré.',
  })
  message: string;
  @ApiProperty({
    example:
      'The operation ended in 2020-12, before the current month (2026-11): check the dates; the application was saved.',
  })
  messageEn: string;
}
