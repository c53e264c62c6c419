import type { components, paths } from './api-types.generated';

/** A schema of the API document, by name: `ApiSchema<'CallListView'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

/** The JSON body a GET path answers on 200: `ApiGetBody<'/api/calls'>`. */
export type ApiGetBody<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: infer Ok } };
}
  ? JsonOf<Ok>
  : never;
