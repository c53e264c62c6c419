// Normalised call
export * from './call/normalised-call';
export type { CallDraft } from './call/call-draft.types';
export { buildCall, type BuildCallOptions } from './call/call.builder';

// Sources
export * from './source/source.types';
export { loadSources, parseSources } from './source/source.loader';
export { IngestionException, IngestionExceptionCode } from './source/ingestion.exception';
export {
  SourceDefinitionError,
  formatProblem,
  type SourceDefinitionProblem,
} from './source/source-definition.error';
export { isTerritoryCode } from './source/territory.util';
export { parseSelector, type ParsedSelector } from './source/selector.util';

// Connectors
export * from './connector/connector.types';
export {
  connectorFor,
  runSource,
  emptyConnectorState,
  ConnectorRun,
} from './connector/connector.registry';
export {
  SEDIA_STATUS,
  SEDIA_PROGRAMMES,
  SEDIA_DEFAULT_QUERY,
  topicPageUrl,
} from './connector/eu-sedia.source';
export {
  AuthorisingFetcher,
  processTokenCache,
  secretOf,
  waitsForSecret,
  waitingForSecretMessage,
  type TokenCache,
  type CachedToken,
} from './connector/source-auth.util';
export {
  sourceRequest,
  withQuery,
  multipartBlobs,
  parseMultipart,
} from './connector/source-request.util';

// Checking sources (vigie sources:check)
export {
  checkSources,
  type SourceCheckReport,
  type CheckSourcesOptions,
} from './check/check-sources.util';
export {
  RecordedAnswersServer,
  readRecordedAnswers,
  requestKey,
  type RecordedAnswer,
  type ReplayedRequest,
} from './check/recorded-answers.server';

// Extractors
export {
  extractDeadlines,
  parseFrenchDate,
  isRollingText,
  type DeadlineExtraction,
  type DateExtractionOptions,
} from './extract/deadline.extractor';
export { extractAmounts } from './extract/amount.extractor';
export { extractAidTypes } from './extract/aid-type.extractor';
export { extractEuFund } from './extract/eu-fund.extractor';
export { extractAudiences } from './extract/audience.extractor';
export { territoryCodesFromNames } from './extract/territory.extractor';
export { statusFromDates } from './extract/call-status.util';
export { htmlToText, normaliseText } from './extract/html-text.util';
export { sanitizeHtml } from './extract/html-sanitizer';
export { extractPdfText, PdfTextError, type PdfTextOptions } from './extract/pdf-text.extractor';

// Fetching (the polite fetcher)
export * from './fetch';
export { IngestionModule } from './ingestion.module';

// Call store (history, duplicates across sources, withdrawals)
export { CallStoreService, nextDeadline } from './store/call-store.service';
export type {
  UpsertOutcome,
  UpsertResult,
  UpsertOptions,
  MissingOutcome,
} from './store/call-store.types';
export { MISSING_RUNS_BEFORE_WITHDRAWN } from './store/call-store.types';
export { CallExportService, type ExportedCall } from './store/call-export.service';
export { callFingerprint, similarTitles } from './store/call-fingerprint.util';
export {
  summariseChanges,
  diffFields,
  euros,
  frenchDate,
  type FieldChange,
} from './store/call-diff.util';
export { mergeFields, fieldsOf } from './store/call-merge.util';
export type { CallFields } from './store/call-fields.types';

// Runs, sources, queue
export { SourceCrawlService } from './run/source-crawl.service';
export {
  SourceService,
  parseDefinition,
  type SourceImportResult,
  type SourceRemoval,
} from './run/source.service';
export type { SourceRunReport, RunTrigger, RunOptions } from './run/source-run-report.types';
export { createCrawlerFetcher } from './run/crawler-fetcher.util';
export { IngestionQueueService } from './queue/ingestion-queue.service';
export type { RunSourceJob } from './queue/ingestion-queue.constants';
export { dueOccurrence } from './queue/due-occurrence.util';
