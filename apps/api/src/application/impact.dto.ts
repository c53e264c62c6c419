import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsOptional, ValidateNested } from 'class-validator';

// Shapes only: indicators, counts and months are checked by @app/impact, which names the field
// at fault (`entries[1].count`, a CSV's `line[4].count`) and stores nothing from a refused request.

const CENTS = 'Integer cents (150000 = 1 500 €)';

export class IndicatorAskerDto {
  @ApiProperty({ example: 'Union européenne – FSE+' }) funder: string;
  @ApiProperty({ example: 'Indicateur commun de réalisation EECO01' }) programme: string;
  @ApiProperty({ example: 'Règlement (UE) 2021/1057, annexe I – nombre total de participants' })
  reference: string;
}

export class CatalogueIndicatorDto {
  @ApiProperty({ example: 'people_accompanied' }) key: string;
  @ApiProperty({ example: 'Personnes accompagnées' }) label: string;
  @ApiProperty({ example: 'personnes' }) unit: string;
  @ApiProperty() definition: string;
  @ApiPropertyOptional({
    enum: ['people', 'hours'],
    description: 'people: cost per person accompanied; hours: cost per hour',
  })
  role?: 'people' | 'hours';
  @ApiProperty({ type: [IndicatorAskerDto] }) askedBy: IndicatorAskerDto[];
  @ApiProperty({ enum: ['catalogue', 'organisation', 'dossier'] })
  origin: 'catalogue' | 'organisation' | 'dossier';
}

export class NewIndicatorDto {
  @ApiProperty({ example: 'seniors_visited', description: 'lower case, digits and _' })
  @Allow()
  key: string;
  @ApiProperty({ example: 'Seniors visités à domicile' }) @Allow() label: string;
  @ApiProperty({ example: 'personnes' }) @Allow() unit: string;
  @ApiProperty() @Allow() definition: string;
  @ApiPropertyOptional({ example: 'Conférence des financeurs' }) @IsOptional() askedBy?: string;
}

export class ActivityEntryInputDto {
  @ApiProperty({ example: 'people_accompanied', description: 'A key of GET /api/indicators' })
  @Allow()
  indicator: string;
  @ApiProperty({ example: '2026-03', description: 'First month, inside the operation' })
  @Allow()
  from: string;
  @ApiPropertyOptional({ example: '2026-03', description: 'Last month; default `from`' })
  @IsOptional()
  to?: string;
  @ApiProperty({ example: 34, description: 'Whole number ≥ 0' }) @Allow() count: number;
  @ApiPropertyOptional() @IsOptional() note?: string;
}

export class NewActivityDto {
  @ApiProperty({ type: [ActivityEntryInputDto], description: 'All stored, or none' })
  @Allow()
  @ValidateNested({ each: true })
  @Type(() => ActivityEntryInputDto)
  entries: ActivityEntryInputDto[];
}

export class ActivityCsvDto {
  @ApiProperty({
    example: 'indicateur;debut;fin;nombre;note\npeople_accompanied;2026-01;2026-01;34;\n',
    description:
      'CSV text, `;` or `,` separated; columns indicateur (key or label), debut, fin (optional), nombre, note (optional)',
  })
  @Allow()
  csv: string;
}

export class ActivityEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'people_accompanied' }) indicator: string;
  @ApiProperty({ example: '2026-03' }) from: string;
  @ApiProperty({ example: '2026-03' }) to: string;
  @ApiProperty({ example: 34 }) count: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ReferenceSourceDto {
  @ApiProperty() @Allow() title: string;
  @ApiProperty() @Allow() publisher: string;
  @ApiPropertyOptional() @IsOptional() url?: string;
  @ApiProperty({ example: '2021-05-11', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
  @Allow()
  published: string;
}

export class ImpactReferenceDto {
  @ApiProperty({ example: 'are_monthly_average' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ example: 1250 }) value: number;
  @ApiProperty({ example: 'euros par mois' }) unit: string;
  @ApiProperty({ description: 'An amount in euros' }) money: boolean;
  @ApiProperty({ example: '2020-06-30' }) date: string;
  @ApiProperty() population: string;
  @ApiProperty({ type: ReferenceSourceDto }) source: ReferenceSourceDto;
  @ApiPropertyOptional({ description: 'Why the value is fragile' }) uncertain?: string;
  @ApiPropertyOptional({ description: 'The organisation’s own value' }) overridden?: boolean;
}

export class ReferenceOverrideDto {
  @ApiProperty({ example: 1310 }) @Allow() value: number;
  @ApiProperty({ example: '2025-12-31' }) @Allow() date: string;
  @ApiProperty() @Allow() population: string;
  @ApiProperty({
    type: ReferenceSourceDto,
    description: 'Required: a value without a source is refused',
  })
  @Allow()
  source: ReferenceSourceDto;
}

export class FunderReportQueryDto {
  @ApiProperty({ example: 'France Travail', description: 'As named in the funding lines' })
  @IsOptional()
  funder?: string;
  @ApiProperty({ example: '2026-01' }) @IsOptional() from?: string;
  @ApiProperty({ example: '2026-12' }) @IsOptional() to?: string;
}

export class ReportApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-01' }) operationStart: string;
  @ApiProperty({ example: '2026-12' }) operationEnd: string;
  @ApiProperty({ description: CENTS }) totalCostCents: number;
}

export class FunderFiguresDto {
  @ApiProperty({ example: 'France Travail' }) funder: string;
  @ApiProperty({ description: CENTS }) amountCents: number;
  @ApiProperty({ description: `${CENTS}; received by the end of paidThrough` }) paidCents: number;
  @ApiProperty({ description: `${CENTS}; scheduled after paidThrough` }) owedCents: number;
  @ApiProperty({ example: 6000, description: 'Share of the total cost, basis points' })
  shareBasisPoints: number;
  @ApiProperty({ type: Number, nullable: true, description: CENTS }) costPerPersonCents:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: CENTS }) costPerHourCents:
    number | null;
}

export class IndicatorMonthDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: Number, nullable: true }) plannedCumulative: number | null;
  @ApiProperty() achievedCumulative: number;
}

export class IndicatorFiguresDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: Number, nullable: true }) planned: number | null;
  @ApiProperty() achieved: number;
  @ApiProperty({ type: [IndicatorMonthDto] }) months: IndicatorMonthDto[];
}

export class EstimateFactorDto {
  @ApiProperty() referenceId: string;
  @ApiProperty() label: string;
  @ApiProperty() value: number;
  @ApiProperty() unit: string;
  @ApiProperty() money: boolean;
  @ApiProperty() overridden: boolean;
}

export class AttributedEstimateDto {
  @ApiProperty() funder: string;
  @ApiProperty({ description: CENTS }) attributedCents: number;
}

export class EstimateFiguresDto {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() beneficiary: string;
  @ApiProperty() indicator: string;
  @ApiProperty() indicatorLabel: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [EstimateFactorDto] }) factors: EstimateFactorDto[];
  @ApiProperty({ description: 'The formula in words' }) words: string;
  @ApiProperty({ description: 'The formula with its numbers' }) numbers: string;
  @ApiProperty({ description: CENTS }) totalCents: number;
  @ApiProperty({ type: [AttributedEstimateDto] }) byFunder: AttributedEstimateDto[];
  @ApiProperty({ type: String, nullable: true }) caveat: string | null;
}

export class ImpactReportDto {
  @ApiProperty({ enum: ['application', 'funder'] }) kind: 'application' | 'funder';
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ example: '2026-11', description: 'Payments up to this month count as paid' })
  paidThrough: string;
  @ApiProperty({ type: [ReportApplicationDto] }) applications: ReportApplicationDto[];
  @ApiProperty({ description: CENTS }) totalCostCents: number;
  @ApiProperty({ type: [FunderFiguresDto] }) funders: FunderFiguresDto[];
  @ApiProperty({ type: [IndicatorFiguresDto] }) indicators: IndicatorFiguresDto[];
  @ApiProperty() peopleAccompanied: number;
  @ApiProperty() hours: number;
  @ApiProperty({ type: Number, nullable: true, description: CENTS }) costPerPersonCents:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: CENTS }) costPerHourCents:
    number | null;
  @ApiProperty({ type: [EstimateFiguresDto], description: 'Estimates, each labelled as one' })
  estimates: EstimateFiguresDto[];
  @ApiProperty({ type: [ImpactReferenceDto] }) references: ImpactReferenceDto[];
  @ApiProperty({ type: [String] }) notes: string[];
}
