/**
 * Resource URIs the way clients send them. The SDK looks a `resources/read`
 * up by `new URL(uri).toString()`, and clients normalize the same way, so a
 * resource declared as `https://example.com` must be registered (and listed)
 * as `https://example.com/` to be readable at all.
 */

/** The WHATWG-normalized form of `uri`, or undefined when it does not parse as a URL. */
export function normalizeResourceUri(uri: string): string | undefined {
  try {
    return new URL(uri).toString();
  } catch {
    return undefined;
  }
}
