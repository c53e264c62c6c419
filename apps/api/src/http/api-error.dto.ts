import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './http-exception.filter';

/** The one error shape of the API (HttpExceptionFilter), referenced by every error response. */
export class ApiErrorView implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description:
      'Stable code to branch on: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, or a domain code (STALE_VERSION…)',
  })
  code: string;
  @ApiProperty({
    example: 'Requête invalide / invalid request: limit must not be greater than 100',
    description: 'French / English; names the field at fault',
  })
  message: string;
  @ApiProperty({ format: 'uuid', description: 'Quote it to support: the log has the details' })
  errorId: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { errors: ['limit must not be greater than 100'] },
    description: 'On 400: `errors` lists every field at fault; domain errors add their own keys',
  })
  details?: Record<string, unknown>;
}
