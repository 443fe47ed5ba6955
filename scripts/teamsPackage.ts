import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadTeamsPackageConfig, type TeamsPackageConfig } from '../src/config';

/**
 * `npm run teams:package`: fills the Teams app manifest template in teamsAppManifest/ from the configuration and
 * zips it with the icons it names into dist/teams/porting-assistant.zip, ready to upload to Teams.
 */

export const MANIFEST_DIR = 'teamsAppManifest';
export const PACKAGE_FILE = join('dist', 'teams', 'porting-assistant.zip');

const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;

/** Teams refuses any other version format, and a changed manifest must carry a higher version to be updated. */
const TEAMS_VERSION = /^\d+\.\d+\.\d+$/;

const packageJson = z.object({ version: z.string() });

/** The only part of the manifest the packaging step reads: the icons it names, which go into the zip beside it. */
const manifestIcons = z.object({ icons: z.record(z.string(), z.string()) });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The value of each `${{NAME}}` placeholder the manifest template may use. */
export function placeholderValues(config: TeamsPackageConfig, version: string): Record<string, string> {
  return {
    APP_VERSION: version,
    TEAMS_APP_ID: config.app.id,
    BOT_ID: config.app.botId,
    BOT_PUBLIC_HOSTNAME: config.app.botHostname,
    TEAMS_DEVELOPER_NAME: config.developer.name,
    TEAMS_WEBSITE_URL: config.developer.websiteUrl,
    TEAMS_PRIVACY_URL: config.developer.privacyUrl,
    TEAMS_TERMS_URL: config.developer.termsOfUseUrl,
  };
}

/**
 * Replaces every `${{NAME}}` in the template's strings. Works on the parsed JSON rather than the text, so that a
 * value with quotes or backslashes cannot break the manifest. Throws naming any placeholder it has no value for.
 */
export function fillPlaceholders(template: Json, values: Readonly<Record<string, string>>): Json {
  const unknown = new Set<string>();
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (placeholder, name: string) => {
        if (Object.hasOwn(values, name)) return values[name];
        unknown.add(placeholder);
        return placeholder;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const filled = fill(template);
  if (unknown.size > 0) {
    throw new Error(`The manifest template uses ${[...unknown].join(', ')}, which the packaging step has no value for.`);
  }
  return filled;
}

function appVersion(rootDir: string): string {
  const { version } = packageJson.parse(JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')));
  if (!TEAMS_VERSION.test(version)) {
    throw new Error(`package.json version '${version}' must be MAJOR.MINOR.PATCH (digits only) to be a Teams app version.`);
  }
  return version;
}

/** The Teams app package (a zip of manifest.json and its icons, all at the root) for the repository at `rootDir`. */
export function buildTeamsPackage(rootDir: string, config: TeamsPackageConfig): Buffer {
  const sourceDir = join(rootDir, MANIFEST_DIR);
  const template = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Json;
  const manifest = fillPlaceholders(template, placeholderValues(config, appVersion(rootDir)));
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of new Set(Object.values(manifestIcons.parse(manifest).icons))) {
    zip.addFile(icon, readFileSync(join(sourceDir, icon)));
  }
  return zip.toBuffer();
}

/** Builds the package and writes it to PACKAGE_FILE under `rootDir`; returns the file's path. */
export function writeTeamsPackage(rootDir: string, config: TeamsPackageConfig): string {
  const file = join(rootDir, PACKAGE_FILE);
  const contents = buildTeamsPackage(rootDir, config);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return file;
}

function main(): void {
  // npm runs package scripts from the repository root, where .env and teamsAppManifest/ are.
  const rootDir = process.cwd();
  let config: TeamsPackageConfig;
  try {
    config = loadTeamsPackageConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Cannot build the Teams app package. Set these in the environment or in .env:\n${error.message}`);
    process.exit(1);
  }
  const file = writeTeamsPackage(rootDir, config);
  console.log(`Wrote ${relative(rootDir, file)}: Teams app ${config.app.id} for bot ${config.app.botId}.`);
}

if (require.main === module) main();
