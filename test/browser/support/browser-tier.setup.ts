// setupFilesAfterEnv of the browser project (jest.config.js): a real server, a real Chromium and a busy
// 2-core machine. A limit only bounds how long a hung step may block the run; it never makes a test wait.
jest.setTimeout(180_000);
