import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiErrorView } from './api-error.dto';
import { ERROR_DESCRIPTIONS } from './api-response.decorator';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI document of the JSON API (/api/docs-json). Web pages and token feeds are not part
 * of it: they answer HTML, RSS, Atom or iCal to browsers and feed readers, not to integrators.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie API')
      .setDescription(
        'Veille des financements et suivi des dossiers pour la médiation numérique. ' +
          'Authenticate with `Authorization: Bearer <API key>` (created by `vigie org:create`). ' +
          'Every error answers `{ statusCode, code, message, errorId, details? }` (ApiErrorView); ' +
          'lists are paginated in the body (`total`, `limit`, `offset`); applications and treasury ' +
          'settings carry an ETag to send back as If-Match.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ApiErrorView] },
  );
  for (const item of Object.values(document.paths)) addCommonErrors(item);
  return document;
}

/**
 * Errors every route of a kind may answer, so no route forgets them: 400 when it takes
 * parameters or a body (the global ValidationPipe), 401 when it needs a key, 404 when its path
 * names something. Route-specific ones (403 roles, 409 versions) are declared with @ApiErrors.
 */
function addCommonErrors(item: PathItemObject): void {
  for (const method of METHODS) {
    const operation = item[method];
    if (!operation) continue;
    const parameters = (operation.parameters ?? []) as Array<{ in?: string }>;
    if (parameters.length > 0 || operation.requestBody) addError(operation, 400);
    if (operation.security?.length) addError(operation, 401);
    if (parameters.some((parameter) => parameter.in === 'path')) addError(operation, 404);
  }
}

function addError(operation: OperationObject, status: number): void {
  operation.responses[status] ??= {
    description: ERROR_DESCRIPTIONS[status],
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${ApiErrorView.name}` } },
    },
  };
}
