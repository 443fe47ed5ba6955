/**
 * Reading settings from the environment (and `.env`): each setting's schema names the variable it comes from and what
 * a valid value looks like (`fromEnv`), and `parseSettings` reads any shape of such schemas, naming every bad variable
 * in one ConfigError. The bot's settings (settings.ts) and the Teams packaging settings (teamsPackage.ts) are two shapes.
 */
import dotenv from 'dotenv';
import { z } from 'zod';

/** A missing or malformed setting. The message names each bad variable and what is expected, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface EnvVariable {
  /** The environment variable's name. */
  readonly name: string;
  /** What a valid value looks like, as advice to the operator. */
  readonly expected: string;
  /** How a bad value is shown in the error: as it is (the default), not at all (secrets), or made safe to show. */
  readonly echo?: false | ((value: string) => string);
}

const envVariables = z.registry<EnvVariable>();

export function fromEnv<S extends z.ZodType>(variable: EnvVariable, schema: S): S {
  envVariables.add(schema, variable);
  return schema;
}

export type Env = Record<string, string | undefined>;
/** Settings in groups, each leaf a schema declared with `fromEnv`; `parseSettings` reads any such shape. */
export type SettingsShape = Record<string, z.ZodObject>;
type RawSettings = Record<string, Record<string, string | undefined>>;

function variableAt(shape: SettingsShape, group: string, key: string): EnvVariable {
  const schema = shape[group].shape[key] as z.ZodType;
  const variable = envVariables.get(schema);
  if (!variable) throw new Error(`Setting ${group}.${key} does not name its environment variable.`);
  return variable;
}

export function variablesOf(shape: SettingsShape): EnvVariable[] {
  return Object.entries(shape).flatMap(([group, schema]) => Object.keys(schema.shape).map((key) => variableAt(shape, group, key)));
}

/** Blank values count as unset, so that `NAME=` in `.env` falls back to the default. */
function readRaw(shape: SettingsShape, env: Env): RawSettings {
  return Object.fromEntries(
    Object.entries(shape).map(([group, schema]) => [
      group,
      Object.fromEntries(
        Object.keys(schema.shape).map((key) => {
          const value = env[variableAt(shape, group, key).name]?.trim();
          return [key, value === '' ? undefined : value];
        }),
      ),
    ]),
  );
}

function echo(variable: EnvVariable, value: string): string {
  if (variable.echo === false) return 'The value';
  return `'${variable.echo ? variable.echo(value) : value}'`;
}

function describeIssue(shape: SettingsShape, issue: z.core.$ZodIssue, raw: RawSettings): string {
  const [group, key] = issue.path.map(String);
  const variable = variableAt(shape, group, key);
  if (issue.code === 'custom' && issue.params?.crossField) return `${variable.name} ${issue.message}`;
  const value = raw[group][key];
  if (value === undefined) return `${variable.name} is not set. ${variable.expected}`;
  return `${variable.name}: ${echo(variable, value)} is not valid. ${variable.expected}`;
}

/** Validates the variables that `shape` declares. Pure: reads nothing else. Throws a ConfigError naming every bad one. */
export function parseSettings<T>(shape: SettingsShape, schema: z.ZodType<T>, env: Env): T {
  const raw = readRaw(shape, env);
  const result = schema.safeParse(raw);
  if (!result.success) {
    // One line per variable and problem, even where a schema finds several faults in one value.
    const lines = new Set(result.error.issues.map((issue) => describeIssue(shape, issue, raw)));
    throw new ConfigError([...lines].join('\n'));
  }
  return result.data;
}

/** `env`, filled in from the `.env` file (if there is one) where `env` lacks a variable. */
export function withEnvFile(env: Env, envFile: string): Env {
  const merged = { ...env };
  dotenv.config({ path: envFile, quiet: true, processEnv: merged });
  return merged;
}
