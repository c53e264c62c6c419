/**
 * Number buffers for the projection's inner loops: plain arrays, packed from the start, rather
 * than typed arrays. Once any ArrayBuffer of the process has been detached (loading the API's
 * modules does it), V8 checks for detachment at every typed-array access of optimised code,
 * which cost the projection 5–8 %; plain arrays of small integers or doubles need no check.
 */

/** `length` zeros, stored as small integers: month indices, counts, labels. */
export function integerArray(length: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < length; i++) values.push(0);
  return values;
}

/**
 * `length` zeros, stored as doubles from the first element on (cents may exceed the small-integer
 * range, and an array that switches kind on the way costs a copy and slower code).
 */
export function doubleArray(length: number): number[] {
  const values = [0.5];
  values.length = 0;
  for (let i = 0; i < length; i++) values.push(0);
  return values;
}
