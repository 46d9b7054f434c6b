import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../config/app.config';
import { renderLifecycleDoc } from '../core/ticket/lifecycle/lifecycle-doc';
import { TICKET_LIFECYCLE } from '../core/ticket/lifecycle';

const target = path.join(PROJECT_ROOT, 'docs/lifecycle.md');
fs.writeFileSync(target, renderLifecycleDoc(TICKET_LIFECYCLE));
process.stdout.write(`Wrote ${target}\n`);
