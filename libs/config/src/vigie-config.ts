import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting Vigie reads, validated once at start. Property names are the environment
 * variable names so an error message names exactly what the operator must fix.
 * Defaults live in config/defaults.yaml, not here.
 */
export class VigieConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  @IsString()
  HOST: string;

  /** PostgreSQL server to use; when absent an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s/?]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  /** Folder for the embedded PostgreSQL data and the demo's files. */
  @IsString()
  VIGIE_HOME: string;

  /** Preferred port of the embedded PostgreSQL; another free one is picked when it is taken. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT: number;

  /** Run pending migrations when a process starts (set to false when a deploy step runs them). */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string;

  /**
   * Secret mixed into API-key hashes (HMAC), so a leaked database alone cannot be used to
   * check guessed keys. Required in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'API_KEY_PEPPER must be at least 16 characters' })
  API_KEY_PEPPER?: string;

  /**
   * Secret signing the CSRF tokens of the anonymous forms (sign-in, forgotten password, reset,
   * invitation), so they need no session row. Required in production (every api process must
   * share it); elsewhere a per-install one is kept in VIGIE_HOME/csrf-secret.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'CSRF_SECRET must be at least 32 characters' })
  CSRF_SECRET?: string;

  /** Contact address sent in the crawler's User-Agent so site owners can reach us. */
  @IsEmail({}, { message: 'CRAWLER_CONTACT must be an e-mail address' })
  CRAWLER_CONTACT: string;

  /** Hosts the crawler may reach even though they resolve to private addresses (tests, demo). */
  @Transform(toList)
  @IsString({ each: true })
  CRAWLER_ALLOW_HOSTS: string[];

  @Transform(toInt)
  @IsInt()
  @Min(0)
  CRAWLER_MIN_DELAY_MS: number;

  /** E-mail addresses of the platform administrators, who may edit the shared sources. */
  @Transform(toList)
  @IsEmail(
    {},
    {
      each: true,
      message: 'PLATFORM_ADMIN_EMAILS must be a comma-separated list of e-mail addresses',
    },
  )
  PLATFORM_ADMIN_EMAILS: string[];

  /** Seconds between two ticks of the worker that enqueue due sources (60 in production). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  INGESTION_TICK_SECONDS: number;

  /**
   * Sources one worker process crawls at the same time. Each run holds one pooled connection
   * (its lock) and uses another for its writes: at most 4 keeps the pool of 10 from starving.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(4)
  INGESTION_CONCURRENCY: number;

  /**
   * SMTP server of the e-mail digests, e.g. smtps://user:password@smtp.example.org:465
   * (a secret: environment only). Unset = digests are not sent.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465',
  })
  SMTP_URL?: string;

  /**
   * Public address of the web application (https://vigie.example.org): every absolute link
   * (e-mails, feeds) starts with it, and https turns HSTS on. Required in production; unset in
   * development = the address the api listens on. Never taken from a request's Host header.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'PUBLIC_URL must look like https://vigie.example.org',
  })
  PUBLIC_URL?: string;

  /** Sender of the e-mail digests. */
  @IsString()
  @MinLength(3)
  MAIL_FROM: string;

  /**
   * Pins the calendar (an ISO date or instant) for tests and demos: calls' statuses, close
   * deadlines, digest periods and projections are computed as on that day. Refused in production.
   */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'VIGIE_NOW must be an ISO date (2026-11-23) or instant (2026-11-23T08:00:00+01:00)',
  })
  VIGIE_NOW?: string;

  /**
   * Operator token: `Authorization: Bearer <METRICS_TOKEN>` reads /metrics (Prometheus) on the
   * api and on the workers' METRICS_PORT, and adds the background tasks' detail to /health.
   * Unset = /metrics does not exist and /health stays status words only. A secret: environment only.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * Port on which a worker serves its own /metrics (job durations, crawl errors, digests it
   * sent), with the same token. Unset = none (several workers on one machine need one each).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Interface the worker's metrics port listens on (0.0.0.0 in a container). */
  @IsString()
  METRICS_HOST: string;

  /** Seconds between two passes of the worker that matches changed calls and sends digests. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WATCH_TICK_SECONDS: number;

  /**
   * Seconds a worker holds a watch job's work (a matching batch, a digest batch and its
   * deliveries) before another worker may take it over: after a crash, the work resumes this
   * late. Longer than the slowest batch.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(3600)
  WATCH_JOB_LEASE_SECONDS: number;

  /**
   * Seconds between two passes of the job queue's maintenance in a worker: a job whose worker
   * died (kill -9, lost machine) is failed and retried at the first pass after its lease ends,
   * so a crash costs up to the lease plus this long. pg-boss's own default, 120, doubled the
   * wait after a crash for nothing; a pass is a few indexed statements.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_MAINTENANCE_SECONDS: number;
}
