import { SESSION_COOKIE } from '@app/account';
import type { Response } from 'express';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { WebRequest } from '../web-request.types';

/**
 * A new feed link's token survives the post/redirect/get in a one-read cookie, sealed with a key
 * derived from the session's own cookie token: only the hash of that token is stored, so neither
 * a read of the database nor the flash cookie alone reveals the feed token, and another session
 * cannot open it. The URL never carries it (it would stay in the history and the logs).
 */
export const FEED_LINK_FLASH_COOKIE = 'vigie_feed_link';
/** Long enough for a slow redirect, short enough that a forgotten cookie is soon worthless. */
export const FEED_LINK_FLASH_TTL_MS = 5 * 60 * 1000;

export interface FeedLinkFlash {
  profileId: string;
  tokenId: string;
  token: string;
}

const keyOf = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('vigie feed-link flash').digest();

export function sealFeedLinkFlash(sessionToken: string, flash: FeedLinkFlash): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionToken), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(flash), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The flash, or null when it is absent, forged, from another session or unreadable. */
export function openFeedLinkFlash(
  sessionToken: string | undefined,
  sealed: string | undefined,
): FeedLinkFlash | null {
  if (!sessionToken || !sealed || sealed.length > 2000) return null;
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionToken), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    const flash = JSON.parse(text.toString('utf8')) as Partial<FeedLinkFlash>;
    return typeof flash.profileId === 'string' &&
      typeof flash.tokenId === 'string' &&
      typeof flash.token === 'string'
      ? (flash as FeedLinkFlash)
      : null;
  } catch {
    return null;
  }
}

/** Sets the flash for the redirect's GET; without a session cookie there is nothing to seal with. */
export function putFeedLinkFlash(
  request: WebRequest,
  response: Response,
  flash: FeedLinkFlash,
): void {
  const sessionToken = sessionTokenOf(request);
  if (!sessionToken) return;
  response.cookie(FEED_LINK_FLASH_COOKIE, sealFeedLinkFlash(sessionToken, flash), {
    ...flashCookieOptions(request, flash.profileId),
    maxAge: FEED_LINK_FLASH_TTL_MS,
  });
}

function sessionTokenOf(request: WebRequest): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
}

/** Scoped to the profile's page, HttpOnly and Lax like the session cookie. */
function flashCookieOptions(request: WebRequest, profileId: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.secure,
    path: `/veilles/${profileId}`,
  };
}

/**
 * The feed link issued just before the redirect, read once: the cookie is cleared by this very
 * answer, so a reload shows the page without it.
 */
export function takeFeedLinkFlash(
  request: WebRequest,
  response: Response,
  profileId: string,
): { tokenId: string; token: string } | null {
  const sealed = (request.cookies as Record<string, string | undefined> | undefined)?.[
    FEED_LINK_FLASH_COOKIE
  ];
  if (!sealed) return null;
  response.clearCookie(FEED_LINK_FLASH_COOKIE, flashCookieOptions(request, profileId));
  const flash = openFeedLinkFlash(sessionTokenOf(request), sealed);
  return flash && flash.profileId === profileId ? flash : null;
}
