import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../config/app.config';
import { CATEGORY_CODE, OPD_CODE } from '../core/opd/opd-module.validator';

const USAGE = [
  'Usage: npm run opd:new -- --code DINSOS --name "Dinas Sosial" [--name-en "Social Affairs Agency"] [--no-config]',
  '  --code       the OPD code: 2-32 upper-case letters, digits or dashes; never changes',
  '  --name       the Indonesian name',
  '  --name-en    the English name; without it the Indonesian name is used for English too (change it in the module afterwards)',
  '  --no-config  print the lines for config/opd-modules.ts instead of adding them',
].join('\n');

/**
 * Scaffolds an OPD module: a valid definition to fill in (status PLANNED, so
 * nothing routes to it until it is switched to LIVE), its contract test, and
 * the line in config/opd-modules.ts.
 */
function main(argv: string[]): void {
  const args = parse(argv);
  const code = (args.code ?? '').toUpperCase();
  const name = args.name?.trim();
  if (!OPD_CODE.test(code) || !name) throw new Error(`${USAGE}\n--code must be 2-32 upper-case letters, digits or dashes; --name is required.`);
  const nameEn = args['name-en']?.trim() || null;
  const folder = code.toLowerCase();
  const constName = folder.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const dir = path.join(PROJECT_ROOT, 'modules', folder);
  if (fs.existsSync(dir)) throw new Error(`${path.relative(PROJECT_ROOT, dir)} exists already`);
  const categoryCode = `${code.replace(/-/g, '_')}_UMUM`;
  if (!CATEGORY_CODE.test(categoryCode)) throw new Error(`cannot derive a category code from ${code}`);
  const goLive = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  fs.mkdirSync(dir, { recursive: true });
  const file = `modules/${folder}/${folder}.opd.ts`;
  fs.writeFileSync(path.join(dir, `${folder}.opd.ts`), definition({ code, name, nameEn: nameEn ?? name, constName, categoryCode, goLive }));
  fs.writeFileSync(path.join(dir, `${folder}.opd.spec.ts`), spec(folder, constName));
  const englishNote = nameEn
    ? ''
    : `Note: no --name-en given, so the English name, description, category name and keyword reuse the Indonesian name "${name}".\n` +
      `      Change the English ("en") texts in ${file}.\n`;
  const line = `  ${constName},`;
  const importLine = `import { ${constName} } from '../modules/${folder}/${folder}.opd';`;
  if (args['no-config'] === 'true') {
    process.stdout.write(`Created modules/${folder}/. Enable it in config/opd-modules.ts:\n${importLine}\n${line}\n${englishNote}`);
    return;
  }
  const configPath = path.join(PROJECT_ROOT, 'config', 'opd-modules.ts');
  const config = fs.readFileSync(configPath, 'utf8');
  const lastImport = config.lastIndexOf('\nimport ');
  const afterImports = config.indexOf('\n', lastImport + 1) + 1;
  const close = config.lastIndexOf('];');
  if (lastImport < 0 || close < 0) throw new Error('config/opd-modules.ts does not look as expected; add the lines by hand:\n' + importLine + '\n' + line);
  const updated = config.slice(0, afterImports) + importLine + '\n' + config.slice(afterImports, close) + line + '\n' + config.slice(close);
  fs.writeFileSync(configPath, updated);
  process.stdout.write(
    `Created modules/${folder}/${folder}.opd.ts and its contract test, and enabled it in config/opd-modules.ts.\n` +
      `Next: fill in categories, SLA and ladder (docs/adding-an-opd.md), run npm test, set onboarding LIVE on go-live.\n` +
      englishNote,
  );
}

function parse(argv: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].replace(/^--/, '');
    if (flag === 'no-config') out[flag] = 'true';
    else if (['code', 'name', 'name-en'].includes(flag)) out[flag] = argv[++i];
    else throw new Error(`${USAGE}\nUnknown option: ${argv[i]}`);
  }
  return out;
}

function definition(p: { code: string; name: string; nameEn: string; constName: string; categoryCode: string; goLive: string }): string {
  const q = (s: string) => JSON.stringify(s).replace(/^"|"$/g, '').replace(/'/g, "\\'");
  return `import { defineOpdModule } from '../../src/core/opd';

/**
 * ${p.name}. Scaffolded by npm run opd:new: replace the general category with
 * the OPD's real ones (see docs/adding-an-opd.md), then set onboarding LIVE.
 */
export const ${p.constName} = defineOpdModule({
  code: '${p.code}',
  name: { id: '${q(p.name)}', en: '${q(p.nameEn)}' },
  description: { id: 'Pengaduan yang ditangani ${q(p.name)}.', en: 'Complaints handled by ${q(p.nameEn)}.' },
  contacts: [],
  coverage: 'REGENCY',
  // PLANNED: listed in the rollout, but nothing is routed here until LIVE.
  onboarding: { status: 'PLANNED', goLiveDate: '${p.goLive}' },
  categories: [
    {
      code: '${p.categoryCode}',
      name: { id: 'Pengaduan umum ${q(p.name)}', en: 'General complaint (${q(p.nameEn)})' },
      defaultKind: 'COMPLAINT',
      defaultPriority: 'NORMAL',
      keywords: { id: ['${q(p.name.toLowerCase())}'], en: ['${q(p.nameEn.toLowerCase())}'] },
      // What callers and call takers actually type: slang, shorthand, Balinese (docs/adding-an-opd.md).
      synonyms: { id: [], en: [], ban: [] },
      attributes: [],
    },
  ],
  // National practice (SP4N-LAPOR!): the agency follows up within 5 working days.
  sla: [
    { metric: 'ACKNOWLEDGE', kind: 'COMPLAINT', targetMinutes: 480, calendar: 'WORKING_DAYS' },
    { metric: 'RESOLVE', kind: 'COMPLAINT', targetMinutes: 2400, calendar: 'WORKING_DAYS' },
  ],
  escalation: [
    { level: 1, at: { fraction: 0.5 }, notify: [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }] },
    { level: 2, at: { fraction: 0.9 }, notify: [{ kind: 'OPD_HEAD' }] },
    { level: 3, at: 'BREACH', notify: [{ kind: 'OPD_HEAD' }, { kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }] },
  ],
});
`;
}

function spec(folder: string, constName: string): string {
  return `import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import { describeOpdContract } from '../../src/core/opd/testing';
import { ${constName} } from './${folder}.opd';

describeOpdContract(${constName}, { alongside: ENABLED_OPD_MODULES });
`;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
