import { createHash } from 'node:crypto';
import type { NormalisedCall } from '../call/normalised-call';
import type { FieldChange } from './call-diff.util';
import { stableStringify } from './call-content.util';

/**
 * Absolute addresses in a text: a site that moves rewrites them all, the call stays the same.
 * A final full stop or comma belongs to the sentence, not to the address.
 */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s"'<>)\]]*[^\s"'<>)\].,;:!?]/gi;

export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '');
}

/** Case, accents, punctuation and spacing folded away: only the words are compared. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What a call is inside one source, whatever its address: the title, the funders, every
 * deadline date and the description text, folded, with the addresses taken out of the text.
 * A source whose site moves (new domain, new paths, ids made of URLs) gives its calls new
 * addresses and new external ids, but the same key; the store then moves the old sighting
 * to the new address instead of creating a second call.
 *
 * Stricter than the cross-source fingerprint on purpose: within one source, two calls with
 * the same title from the same funder (two rounds, two lots) are two calls, so every deadline
 * date and the text take part, and the title keeps its filler words ("AAP", "édition").
 */
export function callIdentityKey(
  call: Pick<NormalisedCall, 'title' | 'funders' | 'deadlines' | 'descriptionText'>,
): string {
  const identity = {
    title: fold(call.title),
    funders: [...new Set(call.funders.map(fold))].sort(),
    deadlines: [...new Set(call.deadlines.map((d) => d.date))].sort(),
    text: fold(withoutAddresses(call.descriptionText ?? '')),
  };
  return createHash('sha256').update(stableStringify(identity)).digest('base64url');
}

/**
 * The changes a reader should hear about when a call's address moved: the page address, and
 * documents or HTML that differ only by their links, are the move itself (told once, as
 * « adresse changée »), not a change of the call.
 */
export function substantiveChanges(changes: FieldChange[]): FieldChange[] {
  return changes.filter((change) => {
    if (change.field === 'url') return false;
    if (change.field === 'descriptionHtml' || change.field === 'documents') {
      return addressFree(change.from) !== addressFree(change.to);
    }
    return true;
  });
}

function addressFree(value: unknown): string {
  if (Array.isArray(value)) {
    return stableStringify(
      value.map((item) =>
        item && typeof item === 'object' ? { ...(item as object), url: undefined } : item,
      ),
    );
  }
  return typeof value === 'string' ? withoutAddresses(value) : stableStringify(value);
}
