// Tests must never pick up a developer's .env: configuration is passed explicitly in each test.
process.env.DOTENV_CONFIG_QUIET = 'true';
