import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The few parts of an OpenAPI 3.0 document the contract checks read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

export interface OpenApiOperation {
  operationId?: string;
  requestBody?: unknown;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiResponse {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown; example?: unknown }>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export interface DocumentedOperation {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

/**
 * Whether an operation says what it answers on success: a 2xx with a body schema, or a 204
 * (no body by definition). New routes without it fail the contract test.
 */
export function describesSuccess(operation: OpenApiOperation): boolean {
  return Object.entries(operation.responses).some(
    ([status, response]) =>
      status === '204' ||
      (/^2\d\d$/.test(status) &&
        Object.values(response.content ?? {}).some((media) => media.schema !== undefined)),
  );
}

const COMPONENTS_ID = 'vigie-openapi';
const ANNOTATIONS = ['example', 'examples', 'xml', 'externalDocs', 'discriminator', 'deprecated'];

/**
 * OpenAPI 3.0 schema objects as JSON Schema for ajv: `nullable` becomes a null alternative,
 * component references point into one registered schema, annotations go. Objects that list
 * their properties get `additionalProperties: false` unless they say otherwise, so a field the
 * code answers but the document does not declare fails the check instead of slipping through.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Record<string, unknown>;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS.includes(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    } else if (key === 'properties') {
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, property]) => [
          name,
          toJsonSchema(property),
        ]),
      );
    } else {
      converted[key] = toJsonSchema(value);
    }
  }
  if (source.properties && source.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  if (source.nullable !== true) return converted;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in converted);
  if (typeof converted.type === 'string' && !composed) {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum)) converted.enum = [...(converted.enum as unknown[]), null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

export interface ResponseCheck {
  /** Empty when the answer matches its documented status and schema. */
  errors: string[];
}

/** Validates answers against the response schemas of one document. */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addSchema(
      { $id: COMPONENTS_ID, definitions: toJsonSchema(document.components?.schemas ?? {}) },
      COMPONENTS_ID,
    );
  }

  /** The JSON schema documented for this status (exact, else `default`), or why there is none. */
  schemaFor(method: string, path: string, status: number): unknown {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    const response = operation.responses[String(status)] ?? operation.responses.default;
    if (!response) return undefined;
    return response.content?.['application/json']?.schema;
  }

  check(method: string, path: string, status: number, body: unknown): ResponseCheck {
    const operation = this.document.paths[path]?.[method];
    const label = `${method.toUpperCase()} ${path} → ${status}`;
    if (!operation) return { errors: [`${label}: operation not documented`] };
    if (!operation.responses[String(status)]) {
      return {
        errors: [
          `${label}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
        ],
      };
    }
    const schema = this.schemaFor(method, path, status);
    if (schema === undefined) return { errors: [] };
    const key = `${method} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return { errors: [] };
    return {
      errors: (validate.errors ?? []).map(
        (error) =>
          `${label}: ${error.instancePath || '(body)'} ${error.message}${
            error.keyword === 'additionalProperties'
              ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
              : ''
          }`,
      ),
    };
  }
}
