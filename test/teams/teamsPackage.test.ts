import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { copyFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { readStaffRequest } from '../../dialogs/staff/staffRequests';
import { assistedText } from '../../dialogs/text/assistedText';
import { buttonLabels } from '../../dialogs/text/buttonLabels';
import { ConfigError, parseTeamsPackageConfig } from '../../src/config';
import { buildTeamsPackage, fillPlaceholders, MANIFEST_DIR, PACKAGE_FILE, writeTeamsPackage } from '../../scripts/teamsPackage';

const ROOT = join(__dirname, '..', '..');
const TEAMS_APP_ID = '0c5e7a52-3f8d-4b6e-9a21-7d4f1e2b8c90';
const BOT_ID = '2f1d6c4e-8a55-4a4e-9f3c-6b7d2a1e0c9b';
const HOSTNAME = 'porting-assistant.azurewebsites.net';

const sampleEnv = {
  TEAMS_APP_ID,
  MicrosoftAppId: BOT_ID,
  BOT_PUBLIC_HOSTNAME: HOSTNAME,
  TEAMS_DEVELOPER_NAME: 'Example "Mobile" Co.',
  TEAMS_WEBSITE_URL: 'https://www.example.com/support',
  TEAMS_PRIVACY_URL: 'https://www.example.com/privacy',
  TEAMS_TERMS_URL: 'https://www.example.com/terms',
};

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string };
  icons: { color: string; outline: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
  validDomains: string[];
}

function unpack(): { zip: AdmZip; manifest: Manifest; manifestText: string } {
  const zip = new AdmZip(buildTeamsPackage(ROOT, parseTeamsPackageConfig(sampleEnv)));
  const manifestText = zip.readAsText('manifest.json');
  return { zip, manifestText, manifest: JSON.parse(manifestText) as Manifest };
}

function image(zip: AdmZip, name: string): PNG {
  const entry = zip.getEntry(name);
  if (!entry) throw new Error(`${name} is not in the package`);
  return PNG.sync.read(entry.getData());
}

function pixels(png: PNG): Array<[number, number, number, number]> {
  const all: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4) all.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return all;
}

describe('the Teams app package', () => {
  it('holds exactly the manifest and its two icons, at the root of the zip', () => {
    const { zip, manifest } = unpack();

    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(
      ['manifest.json', manifest.icons.color, manifest.icons.outline].sort(),
    );
  });

  it('fills every placeholder from the configuration and package.json', () => {
    const { manifest, manifestText } = unpack();
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

    expect(manifestText).not.toContain('${{');
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.version).toBe(version);
    expect(manifest.validDomains).toEqual([HOSTNAME]);
    expect(manifest.developer.name).toBe(sampleEnv.TEAMS_DEVELOPER_NAME);
    expect(manifest.developer.websiteUrl).toBe(sampleEnv.TEAMS_WEBSITE_URL);
  });

  it('is valid against the Teams JSON schema of the manifest version it declares', () => {
    const { manifest } = unpack();
    const schemaFile = require.resolve(
      `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it("offers the bot one to one and in the agents' team, never in group chats, and takes files (a copy of the bill)", () => {
    const [bot] = unpack().manifest.bots;

    expect(bot.scopes.sort()).toEqual(['personal', 'team']);
    expect(bot.supportsFiles).toBe(true);
  });

  it("lists as commands the customer's menu one to one only, since a port collects PINs, and the staff commands there and in teams", () => {
    const [bot] = unpack().manifest.bots;
    const staffCommands = ['status', 'Carrier how-to', 'Staff menu'];

    expect(bot.commandLists.map((list) => list.scopes)).toEqual([['personal'], ['team']]);
    const [personal, team] = bot.commandLists.map((list) => list.commands.map((command) => command.title));
    // An assisted port takes down a customer's account number: one to one only, as the customer's own port.
    expect(personal).toEqual([buttonLabels.startPort, buttonLabels.tips, buttonLabels.status, buttonLabels.agent, ...staffCommands, assistedText.button]);
    expect(team).toEqual(staffCommands);
  });

  it('lists the assisted port among the staff commands one to one, read by the staff desk as its menu entry', () => {
    const [personal] = unpack().manifest.bots[0].commandLists;
    const assisted = personal.commands.find(({ title }) => title === assistedText.button);

    expect(assisted?.description).toMatch(/^Support staff: /);
    expect(assistedText.asks.test(assisted?.title ?? '')).toBe(true);
  });

  it('lists staff commands that the staff desk reads as the look-up, the carrier how-to and the menu, and that say they are for staff', () => {
    const [, team] = unpack().manifest.bots[0].commandLists;

    expect(team.commands.map(({ title }) => readStaffRequest(title).kind)).toEqual(['lookup', 'howTo', 'menu']);
    // Picking a command puts its title in the compose box, to be completed: "status (312) 555-0147".
    expect(readStaffRequest(`${team.commands[0].title} (312) 555-0147`)).toEqual({ kind: 'lookup', query: '(312) 555-0147' });
    expect(readStaffRequest(`${team.commands[1].title} verizon pin`)).toEqual({ kind: 'howTo', question: 'verizon pin' });
    for (const { description } of team.commands) expect(description).toMatch(/^Support staff: /);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon that is white on a transparent background', () => {
    const { zip, manifest } = unpack();
    const color = image(zip, manifest.icons.color);
    const outline = image(zip, manifest.icons.outline);

    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const outlinePixels = pixels(outline);
    expect(outlinePixels.filter(([r, g, b, a]) => a > 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(outlinePixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outlinePixels.some(([, , , a]) => a === 255)).toBe(true);
  });

  it('is written to dist/teams/porting-assistant.zip under the given root', () => {
    const root = mkdtempSync(join(tmpdir(), 'teams-package-'));
    cpSync(join(ROOT, MANIFEST_DIR), join(root, MANIFEST_DIR), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));

    const file = writeTeamsPackage(root, parseTeamsPackageConfig(sampleEnv));

    expect(file).toBe(join(root, PACKAGE_FILE));
    expect(new AdmZip(readFileSync(file)).readAsText('manifest.json')).toContain(TEAMS_APP_ID);
  });
});

describe('fillPlaceholders', () => {
  it('keeps values with quotes and backslashes inside their JSON strings', () => {
    expect(fillPlaceholders({ name: 'by ${{WHO}}', list: ['${{WHO}}', 3] }, { WHO: 'A "B" \\ C' })).toEqual({
      name: 'by A "B" \\ C',
      list: ['A "B" \\ C', 3],
    });
  });

  it('refuses a template that uses a placeholder it has no value for, naming it', () => {
    expect(() => fillPlaceholders({ id: '${{TEAMS_APP_ID}}', other: '${{NOPE}}' }, { TEAMS_APP_ID: 'x' })).toThrow(
      /\$\{\{NOPE\}\}/,
    );
  });
});

describe('the Teams packaging settings', () => {
  function refusal(env: Record<string, string>): string[] {
    try {
      parseTeamsPackageConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message.split('\n');
    }
    throw new Error('expected the settings to be refused');
  }

  it('names every missing variable, one per line, with what to set it to', () => {
    const lines = refusal({});

    expect(lines.map((line) => line.split(' ')[0])).toEqual(Object.keys(sampleEnv));
    expect(lines.every((line) => / is not set\. Use /.test(line))).toBe(true);
  });

  it.each([
    ['TEAMS_APP_ID', 'porting-assistant'],
    ['MicrosoftAppId', 'not-a-guid'],
    ['BOT_PUBLIC_HOSTNAME', `https://${HOSTNAME}`],
    ['BOT_PUBLIC_HOSTNAME', 'localhost'],
    ['TEAMS_DEVELOPER_NAME', 'A publisher name that is far too long for Teams'],
    ['TEAMS_PRIVACY_URL', 'http://www.example.com/privacy'],
    ['TEAMS_WEBSITE_URL', 'http://support'],
    ['TEAMS_TERMS_URL', 'www.example.com/terms'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(refusal({ ...sampleEnv, [name]: value })).toEqual([expect.stringMatching(new RegExp(`^${name}: '.*' is not valid\\. Use `))]);
  });
});
