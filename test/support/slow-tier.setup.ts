// setupFilesAfterEnv of the integration and e2e projects: see jest.config.js.
jest.setTimeout(60_000);
