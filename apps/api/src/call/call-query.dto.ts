import { parseTerritory } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { MAX_OFFSET } from '../http/number-bounds.constants';

export const CALL_STATUSES = ['forthcoming', 'open', 'closed', 'withdrawn'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_SORTS = ['score', 'deadline'] as const;
export type CallSort = (typeof CALL_SORTS)[number];

export const RELEVANCE_FILTERS = ['true', 'false', 'all'] as const;
export type RelevanceFilter = (typeof RELEVANCE_FILTERS)[number];

/** The organisation's own state of the calls, as the tabs of `/appels` filter it. */
export const CALL_STATE_FILTERS = ['not_dismissed', 'all', 'set_aside', 'followed'] as const;
export type CallStateFilter = (typeof CALL_STATE_FILTERS)[number];

/** `a,b` or `?x=a&x=b` → ['a', 'b']. */
const toList = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');

function IsTerritoryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTerritoryCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTerritory(value) !== null,
        defaultMessage: (args) =>
          `territory: unknown code "${String(args?.value)}"; expected a commune (63113), an EPCI SIREN (246300701), a département (63, 2A, 971), a région (R84) or FR`,
      },
    },
    options,
  );
}

/** Filters, sort and page of `GET /api/calls`. */
export class ListCallsQueryDto {
  @ApiPropertyOptional({ description: 'words to find in the title, description or funders' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'theme id of the thesaurus', example: 'mediation_numerique' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,60}$/, { message: 'theme must be a thesaurus theme id' })
  theme?: string;

  @ApiPropertyOptional({ example: 'FSE_PLUS' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{2,30}$/, { message: 'euFund must be an EU fund id such as FSE_PLUS' })
  euFund?: string;

  @ApiPropertyOptional({
    description: 'comma-separated statuses (default: open,forthcoming)',
    enum: CALL_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(CALL_STATUSES, { each: true })
  status?: CallStatus[];

  @ApiPropertyOptional({
    description: 'true (default): relevant for you; false: the others; all: both',
    enum: RELEVANCE_FILTERS,
  })
  @IsOptional()
  @IsIn(RELEVANCE_FILTERS)
  relevant?: RelevanceFilter;

  @ApiPropertyOptional({
    description:
      'not_dismissed (default): hides the calls you set aside (status dismissed); all: shows them too; set_aside: only those and the calls you marked « pas pour nous »; followed: the calls you follow or shortlisted — as the « pertinents », « tous », « écartés » and « suivis » tabs of /appels',
    enum: CALL_STATE_FILTERS,
  })
  @IsOptional()
  @IsIn(CALL_STATE_FILTERS)
  state?: CallStateFilter;

  @ApiPropertyOptional({ description: 'next deadline on or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineBefore must be YYYY-MM-DD' })
  deadlineBefore?: string;

  @ApiPropertyOptional({ description: 'next deadline on or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineAfter must be YYYY-MM-DD' })
  deadlineAfter?: string;

  @ApiPropertyOptional({
    description:
      'a place (commune, EPCI, département, région or FR): calls whose territory covers it — for a commune, also its EPCI, département and région; for a département or EPCI, also the communes and EPCI inside it',
    example: '63',
  })
  @IsOptional()
  @IsTerritoryCode()
  territory?: string;

  @ApiPropertyOptional({ enum: CALL_SORTS, description: 'score (default) or deadline' })
  @IsOptional()
  @IsIn(CALL_SORTS)
  sort?: CallSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}
