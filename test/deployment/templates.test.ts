import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariables } from '../../src/config';

/**
 * Static checks of the ARM templates in deploymentTemplates/: there is no Azure here to deploy them to, so these
 * catch what would otherwise surface only at deployment or, worse, as a bot that starts without a setting.
 */

const ROOT = join(__dirname, '..', '..');
const TEMPLATES_DIR = join(ROOT, 'deploymentTemplates');
const TEMPLATE_SCHEMA = /\/deploymentTemplate\.json#$/;
const PARAMETERS_SCHEMA = /\/deploymentParameters\.json#$/;
const PARAMETERS_SUFFIX = '.parameters.json';

/** Variables that App Service sets itself: PORT is the port the platform forwards traffic to. */
const PLATFORM_VARIABLES = new Set(['PORT']);
/** App settings addressed to App Service rather than the bot: build the app from source when the code is zip-deployed. */
const PLATFORM_SETTINGS = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT']);

const PARAMETER_REFERENCE = /\bparameters\('([^']+)'\)/g;
const LIST_FUNCTION = /\blist\w*\(/i;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface ParameterDeclaration {
  type: string;
  defaultValue?: Json;
  allowedValues?: Json[];
}

interface Resource {
  type: string;
  name: string;
  properties?: { [key: string]: Json };
}

interface Template {
  $schema: string;
  parameters: Record<string, ParameterDeclaration>;
  resources: Resource[];
  outputs?: Record<string, { type: string; value: Json }>;
}

interface ParametersFile {
  $schema: string;
  parameters: Record<string, { value?: Json; reference?: { keyVault: { id: string }; secretName: string } }>;
}

const jsonFiles = readdirSync(TEMPLATES_DIR).filter((file) => file.endsWith('.json'));
const parametersFiles = jsonFiles.filter((file) => file.endsWith(PARAMETERS_SUFFIX));
const templateFiles = jsonFiles.filter((file) => !file.endsWith(PARAMETERS_SUFFIX));

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8'));
}

function stringsIn(node: Json | undefined): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(stringsIn);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(stringsIn);
  return [];
}

function referencedParameters(node: Json | undefined): Set<string> {
  return new Set(stringsIn(node).flatMap((text) => [...text.matchAll(PARAMETER_REFERENCE)].map((match) => match[1])));
}

function secureParameters(template: Template): Set<string> {
  return new Set(Object.entries(template.parameters).filter(([, declaration]) => declaration.type === 'securestring').map(([name]) => name));
}

function resourcesOfType(template: Template, type: string): Resource[] {
  return template.resources.filter((resource) => resource.type === type);
}

function appSettings(template: Template): Record<string, string> {
  const [settings] = resourcesOfType(template, 'Microsoft.Web/sites/config').filter((resource) => resource.name.includes('/appsettings'));
  expect(settings).toBeDefined();
  return settings.properties as Record<string, string>;
}

it('has at least one template, each with a parameters file', () => {
  expect(templateFiles.length).toBeGreaterThan(0);
  expect(templateFiles.map((file) => file.replace(/\.json$/, PARAMETERS_SUFFIX)).filter((file) => !parametersFiles.includes(file))).toEqual([]);
});

it.each(jsonFiles)('%s is valid JSON for Azure Resource Manager', (file) => {
  const { $schema } = readJson(file) as { $schema: string };

  expect($schema).toMatch(file.endsWith(PARAMETERS_SUFFIX) ? PARAMETERS_SCHEMA : TEMPLATE_SCHEMA);
});

describe.each(templateFiles)('%s', (file) => {
  const template = readJson(file) as Template;
  const secure = secureParameters(template);

  it('declares every parameter it uses and uses every parameter it declares', () => {
    const used = referencedParameters(template as unknown as Json);

    expect([...used].sort()).toEqual(Object.keys(template.parameters).sort());
  });

  it('sets every variable the bot reads as an app setting, and nothing the bot does not read', () => {
    const settings = Object.keys(appSettings(template));
    const botVariables = configVariables.map((variable) => variable.name).filter((name) => !PLATFORM_VARIABLES.has(name));

    expect(botVariables.filter((name) => !settings.includes(name))).toEqual([]);
    expect(settings.filter((name) => !botVariables.includes(name) && !PLATFORM_SETTINGS.has(name))).toEqual([]);
  });

  it('fills secret settings only from securestring parameters or keys the template lists', () => {
    const settings = appSettings(template);
    for (const { name } of configVariables.filter((variable) => variable.secret)) {
      const value = settings[name];
      const parameters = [...referencedParameters(value)];

      expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^\[.*\]$/) });
      expect({ name, insecure: parameters.filter((parameter) => !secure.has(parameter)) }).toEqual({ name, insecure: [] });
      expect({ name, fromSecret: parameters.length > 0 || LIST_FUNCTION.test(value) }).toEqual({ name, fromSecret: true });
    }
  });

  it('has no default secret, and shows no secret in its outputs', () => {
    expect([...secure].filter((name) => ![undefined, ''].includes(template.parameters[name].defaultValue as string))).toEqual([]);
    const outputs = stringsIn(template.outputs as Json);
    expect(outputs.filter((value) => LIST_FUNCTION.test(value) || [...referencedParameters(value)].some((name) => secure.has(name)))).toEqual([]);
  });

  it('cannot deploy without naming the carrier customers move to, which every letter names (CARRIER_NAME)', () => {
    const parameters = [...referencedParameters(appSettings(template).CARRIER_NAME)];

    expect(parameters).toHaveLength(1);
    expect(template.parameters[parameters[0]]).toMatchObject({ type: 'string', minLength: 1 });
    expect(template.parameters[parameters[0]]).not.toHaveProperty('defaultValue');
  });

  it("runs the built bot over HTTPS only, with /readyz as the health check", () => {
    const { main } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    const [site] = resourcesOfType(template, 'Microsoft.Web/sites');
    const siteConfig = site.properties?.siteConfig as Record<string, Json>;

    expect(site.properties?.httpsOnly).toBe(true);
    expect(siteConfig).toMatchObject({ appCommandLine: `node ${main}`, alwaysOn: true, healthCheckPath: '/readyz', minTlsVersion: '1.2' });
    expect(existsSync(join(ROOT, main.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('points the Azure Bot at /api/messages and gives it Teams and Direct Line, without multi-tenant sign-in', () => {
    const [bot] = resourcesOfType(template, 'Microsoft.BotService/botServices');
    const channels = resourcesOfType(template, 'Microsoft.BotService/botServices/channels').map((channel) => channel.properties?.channelName);

    expect(bot.properties?.endpoint).toMatch(/\/api\/messages'?,/);
    expect(template.parameters.microsoftAppType.allowedValues).not.toContain('MultiTenant');
    expect(channels.sort()).toEqual(['DirectLineChannel', 'MsTeamsChannel']);
  });

  it('keeps Redis reachable over TLS 1.2 or later only, and STORAGE_URL on its TLS port', () => {
    const [redis] = resourcesOfType(template, 'Microsoft.Cache/redis');

    expect(redis.properties).toMatchObject({ enableNonSslPort: false, minimumTlsVersion: '1.2' });
    expect(appSettings(template).STORAGE_URL).toMatch(/^\[format\('rediss:\/\/:\{0\}@\{1\}:\{2\}', uriComponent\(listKeys\(.*\.sslPort\)\]$/);
  });
});

describe.each(parametersFiles)('%s', (file) => {
  const templateFile = file.replace(PARAMETERS_SUFFIX, '.json');
  const template = readJson(templateFile) as Template;
  const { parameters } = readJson(file) as ParametersFile;

  it('sets only parameters its template declares, with values of the declared type and allowed values', () => {
    const typeOf: Record<string, string> = { string: 'string', securestring: 'string', int: 'number', bool: 'boolean', object: 'object', array: 'object' };
    for (const [name, entry] of Object.entries(parameters)) {
      const declaration = template.parameters[name];

      expect({ name, declared: declaration !== undefined }).toEqual({ name, declared: true });
      if (entry.value === undefined) continue;
      expect({ name, type: typeof entry.value }).toEqual({ name, type: typeOf[declaration.type] });
      if (declaration.allowedValues) expect(declaration.allowedValues).toContain(entry.value);
    }
  });

  it('gives every parameter without a default a value, except secrets, which come with the deployment command', () => {
    const required = Object.entries(template.parameters).filter(
      ([, declaration]) => declaration.defaultValue === undefined && declaration.type !== 'securestring',
    );

    expect(required.map(([name]) => name).filter((name) => !(name in parameters))).toEqual([]);
  });

  it('holds no secret: a securestring comes from Key Vault or the command line', () => {
    const secure = secureParameters(template);

    expect(Object.entries(parameters).filter(([name, entry]) => secure.has(name) && entry.value !== undefined)).toEqual([]);
  });
});
