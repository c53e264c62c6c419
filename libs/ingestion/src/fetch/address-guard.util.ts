import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { FetchException, FetchExceptionCode } from './fetch.exception';
import { HostResolver } from './fetcher-options.types';
import { cidrContains, classifyAddress } from './ip-address.util';

export interface AddressGuardOptions {
  allowHosts: readonly string[];
  resolve: HostResolver;
}

/**
 * The SSRF guard: resolves the URL's host and returns its addresses when every one of them is
 * public, or explicitly allowed; throws BLOCKED_ADDRESS otherwise. The caller must connect to
 * one of the returned addresses (see AddressPins), never resolve the name again.
 */
export async function guardUrlHost(url: URL, options: AddressGuardOptions): Promise<string[]> {
  const hostname = bareHostname(url);
  const namedExplicitly = options.allowHosts.includes(hostname.toLowerCase());
  const addresses = isIP(hostname) ? [hostname] : await resolveHost(hostname, url, options.resolve);
  if (namedExplicitly) return addresses;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    const allowedBlock = options.allowHosts.some(
      (entry) => entry.includes('/') && cidrContains(entry, address),
    );
    if (kind !== 'public' && !allowedBlock) {
      const via = address === hostname ? '' : ` (${hostname} resolves to ${address})`;
      throw new FetchException(
        FetchExceptionCode.BLOCKED_ADDRESS,
        `Refused to fetch a ${kind} address${via}`,
        { url: url.href, address, addressClass: kind },
      );
    }
  }
  return addresses;
}

/** The URL's host without IPv6 brackets, as DNS and net.connect want it. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

async function resolveHost(hostname: string, url: URL, resolve: HostResolver): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FetchException(
      FetchExceptionCode.DNS_FAILURE,
      `Could not resolve ${hostname}: ${code}`,
      { url: url.href },
      error,
    );
  }
  if (addresses.length === 0) {
    throw new FetchException(FetchExceptionCode.DNS_FAILURE, `${hostname} has no address`, {
      url: url.href,
    });
  }
  return addresses;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The addresses the guard approved, per host name, handed to the socket instead of a second DNS
 * query: a name that answered a public address to the guard cannot answer 127.0.0.1 to the
 * connection (DNS rebinding). A name that was never checked gets no address at all.
 */
export class AddressPins {
  private readonly pins = new Map<string, string[]>();

  pin(hostname: string, addresses: string[]): void {
    this.pins.set(hostname.toLowerCase(), addresses);
  }

  /** A `lookup` for net.connect / tls.connect that only answers pinned addresses. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const addresses = this.pins.get(hostname.toLowerCase());
    if (!addresses) {
      const error: NodeJS.ErrnoException = new Error(
        `Host ${hostname} was not checked by the address guard`,
      );
      error.code = 'ENOTFOUND';
      callback(error, '');
      return;
    }
    const entries = addresses
      .map((address) => ({ address, family: isIP(address) }))
      .filter((entry) => !options.family || entry.family === options.family);
    if (options.all) {
      callback(null, entries);
      return;
    }
    const first = entries[0] ?? { address: addresses[0], family: isIP(addresses[0]) };
    callback(null, first.address, first.family);
  };
}
