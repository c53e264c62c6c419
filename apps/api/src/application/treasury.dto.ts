import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_VERSION } from '../http/number-bounds.constants';

// Years as @app/treasury bounds them (MIN_YEAR–MAX_YEAR): a far year is a typo, and a costly one.
const YEAR_2000_TO_2100_MONTH = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;
const YEAR_2000_TO_2100_DATE = /^(20\d\d|2100)-\d{2}-\d{2}$/;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

export class RecurringFlowDto {
  @ApiProperty({ example: 'Salaires et charges' }) @Allow() label: string;
  @ApiProperty({ enum: ['in', 'out'] }) @Allow() direction: string;
  @ApiProperty({ example: 1_800_000, description: 'Integer cents per month' })
  @Allow()
  amountCents: number;
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() fromMonth?: string;
  @ApiPropertyOptional({ example: '2027-12' }) @IsOptional() toMonth?: string;
}

/** Shapes only: @app/treasury checks amounts and months and names the field at fault. */
export class TreasurySettingsDto {
  @ApiProperty({ example: 3_000_000, description: 'Integer cents; may be negative (overdraft)' })
  @Allow()
  openingBalanceCents: number;
  @ApiProperty({ example: '2026-01' }) @Allow() openingMonth: string;
  @ApiPropertyOptional({ type: [RecurringFlowDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RecurringFlowDto)
  recurring?: RecurringFlowDto[];
  @ApiPropertyOptional({ example: 1_000_000, description: 'Cash threshold, integer cents' })
  @IsOptional()
  minimumCashCents?: number;
  @ApiPropertyOptional({
    description: 'The settings version this edit starts from (or If-Match); 0 = first save',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  version?: number;
}

export class ProjectionQueryDto {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First month; default the opening month',
  })
  @IsOptional()
  @IsString()
  @Matches(YEAR_2000_TO_2100_MONTH, {
    message: 'from must be a month as YYYY-MM, year 2000 to 2100 / mois AAAA-MM, année 2000 à 2100',
  })
  from?: string;

  @ApiPropertyOptional({ example: 24, description: '1 to 120; default 24' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;

  @ApiPropertyOptional({ enum: ['expected', 'stress'] })
  @IsOptional()
  @IsIn(['expected', 'stress'])
  scenario?: 'expected' | 'stress';

  @ApiPropertyOptional({ description: 'Count submitted applications as if granted' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeSubmitted?: boolean;

  @ApiPropertyOptional({
    example: '2026-01-05',
    description: '"Today" for reminders; default today (Europe/Paris)',
  })
  @IsOptional()
  @Matches(YEAR_2000_TO_2100_DATE, {
    message:
      'asOf must be a date as YYYY-MM-DD, year 2000 to 2100 / date AAAA-MM-JJ, année 2000 à 2100',
  })
  asOf?: string;
}

/** GET /api/treasury: the projection query, plus the choice to leave the movements out. */
export class StructureProjectionQueryDto extends ProjectionQueryDto {
  @ApiPropertyOptional({
    description:
      'false: months without their `lines` (the curve only, a fraction of the bytes); default true',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  lines?: boolean;
}

/** The settings as stored (or the defaults until first saved). */
export class TreasurySettingsView {
  @ApiProperty({ example: 3_000_000, description: 'Integer cents; may be negative' })
  openingBalanceCents: number;
  @ApiProperty({ example: '2026-01' }) openingMonth: string;
  @ApiProperty({ type: [RecurringFlowDto] }) recurring: RecurringFlowDto[];
  @ApiProperty({ example: 1_000_000, description: 'Cash threshold, integer cents' })
  minimumCashCents: number;
  @ApiProperty({ example: 3, description: '0 until first saved; send it back with an edit' })
  version: number;
  @ApiProperty({ description: 'False while running on the defaults' }) configured: boolean;
}
