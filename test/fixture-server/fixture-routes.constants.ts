/** Paths of the feeds the fixture server publishes (config/sources.demo.yaml points at them). */
export const FIXTURE_PATHS = {
  rssFeed: '/na/fiches-rss.xml',
  rssItem: '/na/aides/',
  htmlListing: '/grandest/aides/',
  htmlDocument: '/grandest/documents/',
  ods: '/occitanie/api/explore/v2.1/catalog/datasets/aides-et-appels-a-projets/records',
  aidesTerritoires: '/aides-territoires/api/aids/',
  sedia: '/sedia/search-api/prod/rest/search',
  json: '/idf/guide-des-aides/api/aides',
} as const;

export const HTML_PAGE_SIZE = 5;
export const AT_PAGE_SIZE = 4;
export const JSON_PAGE_SIZE = 4;
