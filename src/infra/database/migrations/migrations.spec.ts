import * as fs from 'node:fs';
import { MIGRATIONS } from './index';

describe('migration list', () => {
  it('lists every migration file of the folder, in file-name order', () => {
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => /^Migration\d{14}.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
  });
});
