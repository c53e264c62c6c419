import type { Call } from '@app/persistence';
import type { ClassifiableCall, FeedbackMark } from '../classifier.types';

/** The columns of a call the classifier reads; everything else is ignored. */
export type CallText = Pick<Call, 'id' | 'title' | 'descriptionText' | 'funders' | 'documents'>;

/** Entity columns to select when only the classifier's text is needed. */
export const CALL_TEXT_COLUMNS: ReadonlyArray<keyof CallText> = [
  'id',
  'title',
  'descriptionText',
  'funders',
  'documents',
];

/** The text the thesaurus sees: title, description, funders and the documents' extracted text. */
export function toClassifiableCall(call: CallText): ClassifiableCall {
  const documents = (call.documents ?? [])
    .map((d) => d.text?.trim() ?? '')
    .filter((text) => text !== '')
    .join('\n\n');
  const funders = (call.funders ?? []).filter((f) => f.trim() !== '').join(', ');
  return {
    id: call.id,
    title: call.title,
    description: call.descriptionText ?? '',
    funder: funders === '' ? null : funders,
    documents: documents === '' ? null : documents,
  };
}

export function toFeedbackMark(call: CallText, relevant: boolean): FeedbackMark {
  return { ...toClassifiableCall(call), callId: call.id, relevant };
}
