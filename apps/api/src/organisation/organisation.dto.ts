import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { LEGAL_FORMS, LEGAL_FORM_LABELS, isLegalForm } from '@app/eligibility';
import type { Organisation } from '@app/persistence';

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'EPN Les Olympiades' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    example: ['75'],
    description:
      'INSEE codes: communes (63113), EPCI by SIREN (246300701), départements (75, 2A, 971), régions prefixed with R (R11), or FR; a GAL is the list of its EPCI and communes',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(120)
  @IsString({ each: true })
  territory?: string[];

  @ApiPropertyOptional({
    enum: LEGAL_FORMS,
    nullable: true,
    example: 'association',
    description: 'legal form: decides which calls the organisation may apply to; null to unset',
  })
  @IsOptional()
  @IsIn(LEGAL_FORMS, {
    message: `legalForm must be one of: ${LEGAL_FORMS.join(', ')}`,
  })
  legalForm?: string | null;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Script de la newsletter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;
}

export class OrganisationView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['structure', 'collectif'] }) kind: string;
  @ApiProperty({ type: [String] }) territory: string[];
  @ApiProperty({ enum: LEGAL_FORMS, nullable: true }) legalForm: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Association (loi 1901)' })
  legalFormLabel: string | null;
  @ApiProperty() createdAt: string;

  static of(organisation: Organisation): OrganisationView {
    return {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      territory: organisation.territory,
      legalForm: organisation.legalForm,
      legalFormLabel: isLegalForm(organisation.legalForm)
        ? LEGAL_FORM_LABELS[organisation.legalForm]
        : null,
      createdAt: organisation.createdAt.toISOString(),
    };
  }
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Script de la newsletter' }) label: string;
  @ApiProperty({ description: 'first characters, to tell keys apart' }) prefix: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
}

/** The key is in this answer only; it cannot be shown again. */
export class IssuedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'secret: shown once' }) apiKey: string;
}
