/**
 * The instant every integration and e2e test lives at (a Monday, 08:00 in Paris). The global
 * setup pins the apps' calendar to it through VIGIE_NOW, and tests build their dates around it,
 * so no test expires when the real calendar moves past the dates it was written with.
 */
export const TEST_NOW = '2026-11-23T08:00:00+01:00';

/** TEST_NOW's day in Europe/Paris. */
export const TEST_TODAY = '2026-11-23';
