import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';

/**
 * The browser tier's test environment: Node's, plus a flag the harness reads when it closes, set when a
 * test or hook of the file failed, so that its screenshots are kept for whoever reads the failure.
 */
export default class BrowserTestEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      (this.global as { __sigapBrowserFailed?: boolean }).__sigapBrowserFailed = true;
    }
  }
}
