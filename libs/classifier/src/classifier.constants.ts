/** Bump when a code change alters scores, so stored scores can tell which code made them. */
export const CLASSIFIER_CODE_VERSION = '1.0.0';

/** Longer fields are cut before scoring: call texts run to a few thousand characters. */
export const MAX_FIELD_LENGTH = 100_000;

/** How many of a call's words the semantic explanation quotes. */
export const SEMANTIC_QUOTED_WORDS = 4;
