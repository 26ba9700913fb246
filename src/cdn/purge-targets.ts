/**
 * The caches in front of Griot that can be told to drop pages by key: the keys are those the page
 * pipeline sends in `Surrogate-Key` and `Cache-Tag` (an article's, a section list's, the home's,
 * `site` for everything).
 */
export interface PurgeTarget {
  /** Names the target's cursor in the database: one per kind of target. */
  name: string;
  /** The most keys one call may carry; longer lists are sent in several calls. */
  maxKeys: number;
  /** Purges every cached response carrying any of these keys; throws when not accepted. */
  purge(keys: string[]): Promise<void>;
}

/** Where the purges go, from the environment. */
export interface PurgeTargetsConfig {
  /** A Varnish (vmod xkey) or nginx-style endpoint taking `PURGE` with an `xkey-purge` header. */
  purgeUrl?: string | undefined;
  /** Sent as `Authorization: Bearer …` to purgeUrl, when the endpoint asks for one. */
  purgeToken?: string | undefined;
  cloudflare?: { zoneId: string; apiToken: string; apiUrl: string } | undefined;
  fastly?: { serviceId: string; apiToken: string; apiUrl: string } | undefined;
}

// A purge that hangs must not hold the cursor's lease: the call gives up and is retried.
const CALL_TIMEOUT_MS = 10_000;

async function call(url: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  const text = await res.text().catch(() => '');
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 200)}`);
  // An API may answer 200 with { "success": false } (Cloudflare does, for some refusals).
  let body: { success?: unknown; errors?: unknown } | undefined;
  try {
    body = text.startsWith('{') ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  if (body?.success === false)
    throw new Error(`${url}: refused: ${JSON.stringify(body.errors ?? null).slice(0, 200)}`);
}

/** Varnish with vmod xkey (see deploy/varnish/griot.vcl), or any endpoint speaking the same. */
export function varnishTarget(url: string, token?: string): PurgeTarget {
  return {
    name: 'varnish',
    // Header lines stay well under Varnish's 8 KB limit.
    maxKeys: 200,
    purge: (keys) =>
      call(url, {
        method: 'PURGE',
        headers: {
          'xkey-purge': keys.join(' '),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      }),
  };
}

/** Cloudflare's purge by tag (Cache-Tag): POST /zones/{zone}/purge_cache { tags }. */
export function cloudflareTarget({
  zoneId,
  apiToken,
  apiUrl,
}: {
  zoneId: string;
  apiToken: string;
  apiUrl: string;
}): PurgeTarget {
  return {
    name: 'cloudflare',
    maxKeys: 30,
    purge: (keys) =>
      call(`${apiUrl.replace(/\/+$/, '')}/zones/${encodeURIComponent(zoneId)}/purge_cache`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: keys }),
      }),
  };
}

/** Fastly's purge by surrogate key: POST /service/{id}/purge { surrogate_keys }. */
export function fastlyTarget({
  serviceId,
  apiToken,
  apiUrl,
}: {
  serviceId: string;
  apiToken: string;
  apiUrl: string;
}): PurgeTarget {
  return {
    name: 'fastly',
    maxKeys: 256,
    purge: (keys) =>
      call(`${apiUrl.replace(/\/+$/, '')}/service/${encodeURIComponent(serviceId)}/purge`, {
        method: 'POST',
        headers: {
          'fastly-key': apiToken,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ surrogate_keys: keys }),
      }),
  };
}

/** The targets the configuration names (none: nothing is purged, no cursor is kept). */
export function purgeTargets(config: PurgeTargetsConfig): PurgeTarget[] {
  const targets: PurgeTarget[] = [];
  if (config.purgeUrl) targets.push(varnishTarget(config.purgeUrl, config.purgeToken));
  if (config.cloudflare) targets.push(cloudflareTarget(config.cloudflare));
  if (config.fastly) targets.push(fastlyTarget(config.fastly));
  return targets;
}
