import { Param, type PipeTransform } from '@nestjs/common';
import { WebPageError } from './web.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored objects (dossiers, lines, picks, links…) are named by UUIDs. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Anything but a UUID in a page's path names nothing: the same 404 page, before any query. */
export class PageIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new WebPageError('not-found');
    return value;
  }
}

const pageIdPipe = new PageIdPipe();

/** A page path parameter naming a stored object (`@PageId('id') id: string`). */
export const PageId = (name: string): ParameterDecorator => Param(name, pageIdPipe);
