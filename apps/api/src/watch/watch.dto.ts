import {
  CALL_STATUSES,
  DIGEST_FREQUENCIES,
  type CallStatus,
  type DigestFrequency,
} from '@app/persistence';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_CENTS, MAX_OFFSET } from '../http/number-bounds.constants';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

export class CreateWatchProfileDto {
  @ApiProperty({ example: 'Médiation numérique 63' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: ['mediation_numerique'], description: 'thesaurus theme ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ example: ['illectronisme'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  includeKeywords?: string[];

  @ApiPropertyOptional({ example: ['machinisme agricole'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  excludeKeywords?: string[];

  @ApiPropertyOptional({
    example: ['63'],
    description:
      'INSEE codes: communes (63113), EPCI SIREN (246300701), départements (63, 2A), régions (R84), FR',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @IsString({ each: true })
  territories?: string[];

  @ApiPropertyOptional({ example: ['associations'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  audiences?: string[];

  @ApiPropertyOptional({ example: ['FSE_PLUS'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  euFunds?: string[];

  @ApiPropertyOptional({ example: 1000000, description: 'integer cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minAmountCents?: number | null;

  @ApiPropertyOptional({ example: 0.4, description: 'relevance in [0, 1]' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number | null;

  @ApiPropertyOptional({ example: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  deadlineHorizonDays?: number | null;

  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES })
  @IsOptional()
  @IsIn(DIGEST_FREQUENCIES)
  digestFrequency?: DigestFrequency;

  @ApiPropertyOptional({ example: ['direction@epn.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  digestRecipients?: string[];
}

export class UpdateWatchProfileDto extends PartialType(CreateWatchProfileDto) {}

export class MatchQueryDto {
  @ApiPropertyOptional({ enum: ['score', 'deadline', 'recent'] })
  @IsOptional()
  @IsIn(['score', 'deadline', 'recent'])
  sort?: 'score' | 'deadline' | 'recent';

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;

  @ApiPropertyOptional({ description: 'comma-separated statuses; default: all but dismissed' })
  @IsOptional()
  @Transform(toList)
  @IsIn(CALL_STATUSES, { each: true })
  status?: CallStatus[];

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadlineBefore must be a date YYYY-MM-DD' })
  deadlineBefore?: string;
}

export class CsvQueryDto extends MatchQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated call ids (the selection)' })
  @IsOptional()
  @Transform(toList)
  @IsUUID('all', { each: true, message: 'ids must be call ids (UUIDs), separated by commas' })
  ids?: string[];
}

export class CallStateDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  follow?: boolean;
}

/** One of the two: the structure's id, or what a coordinator knows of it. */
export class InvitationDto {
  @ApiPropertyOptional()
  @ValidateIf((dto: InvitationDto) => dto.member === undefined)
  @IsUUID()
  memberOrganisationId?: string;

  @ApiPropertyOptional({
    description:
      'Nom exact de la structure ou adresse e-mail de sa ou son responsable / the exact name of the structure or its owner’s e-mail',
  })
  @ValidateIf((dto: InvitationDto) => dto.memberOrganisationId === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  member?: string;
}

export class SharingDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shareFollows?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shareStatuses?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shareNotes?: boolean;
}

export class PickPatchDto {
  @ApiPropertyOptional({ example: 'Convient aux EPN' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  annotation?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  jointBid?: boolean;
}

export class PickDto extends PickPatchDto {
  @ApiProperty()
  @IsUUID()
  callId: string;
}

/** A collectif's digest: the same choices and limits as a watch profile's digest. */
export class CollectifDigestDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES })
  @IsIn(DIGEST_FREQUENCIES)
  frequency: DigestFrequency;

  @ApiProperty({
    example: ['coordination@mednum63.example'],
    description:
      'lower-cased and de-duplicated; empty = every owner and member of the collectif and of its member structures',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  recipients: string[];
}
