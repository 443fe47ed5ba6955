/** The bot's settings (settings.ts), how they are read from the environment (environment.ts), and the Teams packaging settings (teamsPackage.ts). */
export { ConfigError } from './environment';
export { type Config, type ConfigVariable, DEMO_CARRIER_NAME, configVariables, loadConfig, parseConfig } from './settings';
export { type TeamsPackageConfig, loadTeamsPackageConfig, parseTeamsPackageConfig } from './teamsPackage';
