// Which Node.js releases run Griot. @fastify/static and @fastify/cookie load ESM-only packages
// (content-disposition@3, cookie@2) with require(), which Node.js supports without a flag from
// 20.19 on the 20 line and from 22.12 on the 22 line (always from 23). Before that, every
// command dies with ERR_REQUIRE_ESM deep inside node_modules; this says why, in one line.

/** The releases that run Griot, as package.json's `engines.node` states them. */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

/** The lowest supported release of each major line; a major line not listed is refused. */
const MINIMUM_OF_LINE: Record<number, [number, number]> = { 20: [19, 0], 22: [12, 0] };
const FIRST_LINE_ALWAYS_SUPPORTED = 23;

/**
 * Why this Node.js cannot run Griot, or undefined when it can. `version` is
 * `process.versions.node`; `requireModule` is `process.features.require_module` (false when
 * require(esm) is turned off, e.g. by --no-experimental-require-module).
 */
export function nodeVersionProblem(version: string, requireModule?: boolean): string | undefined {
  const [major = 0, minor = 0, patch = 0] = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
  const minimum = MINIMUM_OF_LINE[major];
  const supported =
    major >= FIRST_LINE_ALWAYS_SUPPORTED ||
    (minimum !== undefined &&
      (minor > minimum[0] || (minor === minimum[0] && patch >= minimum[1])));
  if (!supported)
    return (
      `Griot needs Node.js 20.19 or later on the 20 line, or 22.12 or later (${SUPPORTED_NODE}); ` +
      `this is Node.js ${version}. Install a current LTS release (see .nvmrc).`
    );
  if (requireModule === false)
    return (
      `Griot needs require(esm), which is turned off in this Node.js ${version} ` +
      '(--no-experimental-require-module in the command line or NODE_OPTIONS?).'
    );
  return undefined;
}
