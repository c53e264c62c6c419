import { Injectable, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { VigieConfig } from './vigie-config';

/** Addresses that say "every interface": a link needs one a browser can open. */
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

/**
 * The address every absolute link starts with (e-mailed invitations and resets, feed links,
 * digests): PUBLIC_URL, else the address the api listens on. Never a request header: a forged
 * `Host` would otherwise put an attacker's site in a reset e-mail.
 */
export function publicBaseUrl(
  config: Pick<VigieConfig, 'PUBLIC_URL' | 'HOST' | 'PORT'>,
  listening?: Pick<AddressInfo, 'address' | 'port'> | null,
): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const address = listening?.address ?? config.HOST;
  const port = listening?.port ?? config.PORT;
  const host = ANY_ADDRESS.has(address) ? '127.0.0.1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** `publicBaseUrl` for Nest code: the listening address is read once the server has one. */
@Injectable()
export class PublicUrlService {
  constructor(
    private readonly config: VigieConfig,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  base(): string {
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as
      { address?: () => AddressInfo | string | null } | undefined;
    const address = server?.address?.();
    return publicBaseUrl(this.config, typeof address === 'object' ? address : null);
  }
}
