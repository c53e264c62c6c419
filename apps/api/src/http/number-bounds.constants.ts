/**
 * Upper bounds of numbers the API reads from queries and bodies. Without them a syntactically
 * valid integer such as `1e20` reached PostgreSQL and failed there ("bigint out of range"), a 500
 * instead of a 400 naming the parameter.
 */

/**
 * Deepest page start of a list: well past the 100,000 calls of the benchmarks at 100 a page,
 * and little enough that PostgreSQL skips that many rows in a few hundred milliseconds at most.
 */
export const MAX_OFFSET = 1_000_000;

/** Versions are PostgreSQL `integer` columns. */
export const MAX_VERSION = 2_147_483_647;

/** Amounts in cents are `bigint` columns read back as JS numbers: exact up to 2^53 − 1. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;
