// setupFilesAfterEnv of the unit project: see jest.config.js.
jest.setTimeout(30_000);
