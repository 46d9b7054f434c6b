import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderLifecycleDoc } from './lifecycle-doc';
import { TICKET_LIFECYCLE } from './ticket-lifecycle.table';

describe('docs/lifecycle.md', () => {
  it('is the rendering of the current table (run npm run docs:lifecycle after changing it)', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../../../docs/lifecycle.md'), 'utf8');
    expect(doc).toBe(renderLifecycleDoc(TICKET_LIFECYCLE));
  });
});
