/**
 * The `publish` section: what server.json (MCP Registry schema 2025-12-11),
 * the package's `mcpName` and the client set-up snippets are made from.
 * Values the registry would refuse are errors here, at their location, rather
 * than at publish time.
 */
import { closestMatch } from '../../diagnostics/did-you-mean.js';
import { joinPointer } from '../../load/json-pointer.js';
import { REGISTRY_NAME_PATTERN } from '../../emit/shared/publish-info.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

const KEYS = ['name', 'repository', 'package', 'url', 'environmentVariables'];
const ENV_KEYS = ['name', 'description', 'isSecret', 'isRequired', 'default'];
/** npm's rules for a new package name: lower case, URL-safe, optionally scoped, at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9-*~][a-z0-9-*._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DESCRIPTION_MAX = 100;

export const publishRule: LintRule = {
  id: 'publish',
  codes: {
    'publish/unknown-key': { severity: 'error', title: 'Unknown key in publish', cause: 'The `publish` section (or one of its environment variables) has a key mcpgen does not know; a typo would otherwise be ignored.', fix: 'Use name, repository, package, url and environmentVariables (name, description, isSecret, isRequired, default).' },
    'publish/wrong-type': { severity: 'error', title: 'publish value of the wrong type', cause: 'A value in `publish` has the wrong JSON type.', fix: 'Change the value to the type named in the message.' },
    'publish/invalid-name': { severity: 'error', title: 'Registry name is not reverse-DNS', cause: 'The MCP Registry requires `name` to be a reverse-DNS namespace, one slash and a server name (`io.github.owner/weather`), 3 to 200 characters of letters, digits, `.`, `-` and `_`.', fix: 'Use `io.github.<owner>/<name>` or your domain reversed (`com.example/weather`).' },
    'publish/no-registry-name': { severity: 'warning', title: 'No registry name', cause: '`publish` gives neither `name` nor a GitHub `repository` to derive it from, so no server.json and no `mcpName` are generated.', fix: 'Add `publish.name` (reverse-DNS), or a `https://github.com/owner/repo` repository.' },
    'publish/invalid-package': { severity: 'error', title: 'Not a valid npm package name', cause: 'npm package names are lower case and URL-safe (`weather-mcp`, `@scope/weather-mcp`), at most 214 characters.', fix: 'Fix the package name.' },
    'publish/invalid-url': { severity: 'error', title: 'URL is not http(s)', cause: '`repository` and `url` must be absolute http(s) URLs (the registry checks the remote URL against `^https?://`).', fix: 'Give a full URL such as `https://github.com/owner/repo`.' },
    'publish/invalid-env-name': { severity: 'error', title: 'Not an environment variable name', cause: 'Environment variable names are letters, digits and `_`, not starting with a digit.', fix: 'Rename the variable, e.g. `WEATHER_API_KEY`.' },
    'publish/description-too-long': { severity: 'warning', title: 'Description longer than the registry allows', cause: 'The MCP Registry accepts at most 100 characters of description; server.json gets it shortened with an ellipsis.', fix: 'Shorten `server.description` to 100 characters.' },
  },
  check({ loaded }) {
    const publish = (loaded.manifest as { publish?: unknown }).publish;
    if (!isJsonObject(publish)) return [];
    const out: Finding[] = [];
    unknownKeys(publish, KEYS, '/publish', out);
    const wrong = (pointer: string, what: string) => out.push({ code: 'publish/wrong-type', message: `${pointer.slice(1).replace(/\//g, '.')} must be ${what}.`, pointer });
    for (const key of ['name', 'repository', 'package', 'url']) if (publish[key] !== undefined && typeof publish[key] !== 'string') wrong(joinPointer('/publish', key), 'a string');
    const { name, repository, package: pkg } = publish;
    if (typeof name === 'string' && (!REGISTRY_NAME_PATTERN.test(name) || name.length < 3 || name.length > 200)) {
      out.push({ code: 'publish/invalid-name', message: `publish.name ${JSON.stringify(name)} is not a registry name such as "io.github.owner/weather".`, pointer: '/publish/name' });
    }
    if (name === undefined && !(typeof repository === 'string' && /^https:\/\/github\.com\/[^/]+\/[^/]+/.test(repository))) {
      out.push({ code: 'publish/no-registry-name', message: 'publish has no name and no GitHub repository to derive one from: no server.json is generated.', pointer: '/publish', atKey: true });
    }
    if (typeof pkg === 'string' && (!NPM_NAME.test(pkg) || pkg.length > 214)) {
      out.push({ code: 'publish/invalid-package', message: `publish.package ${JSON.stringify(pkg)} is not a valid npm package name.`, pointer: '/publish/package' });
    }
    for (const key of ['repository', 'url'] as const) {
      const value = publish[key];
      if (typeof value === 'string' && !/^https?:\/\/[^\s]+$/.test(value)) {
        out.push({ code: 'publish/invalid-url', message: `publish.${key} ${JSON.stringify(value)} is not an http(s) URL.`, pointer: joinPointer('/publish', key) });
      }
    }
    const vars = publish.environmentVariables;
    if (vars !== undefined && !Array.isArray(vars)) wrong('/publish/environmentVariables', 'an array of { name, description, isSecret } objects');
    if (Array.isArray(vars)) {
      vars.forEach((v, i) => {
        const at = joinPointer('/publish/environmentVariables', i);
        if (!isJsonObject(v)) return wrong(at, 'an object with a name');
        unknownKeys(v, ENV_KEYS, at, out);
        if (typeof v.name !== 'string') wrong(joinPointer(at, 'name'), 'a string');
        else if (!ENV_NAME.test(v.name)) out.push({ code: 'publish/invalid-env-name', message: `${JSON.stringify(v.name)} is not an environment variable name.`, pointer: joinPointer(at, 'name') });
        for (const key of ['description', 'default']) if (v[key] !== undefined && typeof v[key] !== 'string') wrong(joinPointer(at, key), 'a string');
        for (const key of ['isSecret', 'isRequired']) if (v[key] !== undefined && typeof v[key] !== 'boolean') wrong(joinPointer(at, key), 'true or false');
      });
    }
    const description = loaded.manifest.server?.description;
    if (typeof description === 'string' && description.replace(/\s+/g, ' ').trim().length > DESCRIPTION_MAX) {
      out.push({ code: 'publish/description-too-long', message: `server.description has ${description.length} characters; server.json gets the first ${DESCRIPTION_MAX - 1} and an ellipsis.`, pointer: '/server/description' });
    }
    return out;
  },
};

function unknownKeys(object: Record<string, unknown>, known: string[], at: string, out: Finding[]): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const suggestion = closestMatch(key, known);
    out.push({ code: 'publish/unknown-key', message: `Unknown key "${key}" in ${at.slice(1).replace(/\//g, '.')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, pointer: joinPointer(at, key), atKey: true });
  }
}
