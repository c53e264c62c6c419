/** What a connector needs from the HTTP layer; the polite fetcher implements it. */
export interface FetchRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON bodies are serialised by the fetcher with the right content type. */
  body?: string | Buffer | Record<string, unknown>;
  /** Validators of the previous fetch of this URL; a 304 answer sets `notModified`. */
  conditional?: { etag?: string | null; lastModified?: string | null };
  /** Headers carrying a secret: dropped, like Authorization, on a redirect to another origin. */
  secretHeaders?: string[];
}

export interface FetchResponse {
  /** URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  notModified: boolean;
  /** Raw bytes (decompressed). Empty when notModified. */
  body: Buffer;
  /** Body decoded to a JS string, honouring the declared or sniffed charset (UTF-8, ISO-8859-1, Windows-1252). */
  text: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  bytes: number;
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}
