// Smoke run of the built service, as a newcomer would use it: a bad PORT fails
// at once naming PORT; a real start on an embedded PostgreSQL answers
// /health/ready and GraphQL, stops on SIGINT leaving no postgres behind, and a
// second start reuses the data.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const main = path.join(root, 'dist/src/main.js');

function fail(message, log) {
  console.error(`SMOKE FAILED: ${message}`);
  if (log) console.error(`--- service output ---\n${log}`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function postgresPids() {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        return path.basename(cmd[0]) === 'postgres' && cmd.includes('-D');
      } catch {
        return false;
      }
    });
}

function run(env) {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { text: '' };
  child.stdout.on('data', (c) => (out.text += c));
  child.stderr.on('data', (c) => (out.text += c));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, out, exited };
}

const within = (ms, promise) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('timeout'), ms))]);

async function waitReady(port, svc, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (svc.child.exitCode !== null) fail('the service exited during start', svc.out.text);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return Date.now();
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`/health/ready not 200 within ${ms / 1000} s`, svc.out.text);
}

async function startCheckStop(env, port, waitForLog, extraCheck) {
  const started = Date.now();
  const svc = run(env);
  const ready = await waitReady(port, svc, 60_000);
  // One process may answer before all have started: wait for the start to finish.
  for (const deadline = Date.now() + 30_000; waitForLog && !waitForLog.test(svc.out.text); ) {
    if (Date.now() > deadline) fail(`no ${waitForLog} in the output within 30 s`, svc.out.text);
    await new Promise((r) => setTimeout(r, 100));
  }
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = await res.json();
  if (body?.data?.__typename !== 'Query') fail(`GraphQL answered ${JSON.stringify(body)}`, svc.out.text);
  // The console at / and at a client route, under its own CSP; an unknown API path stays a 404.
  for (const page of ['/', '/tickets/1']) {
    const html = await fetch(`http://127.0.0.1:${port}${page}`);
    const csp = html.headers.get('content-security-policy') ?? '';
    if (html.status !== 200 || !/<div id="root">/.test(await html.text()) || !csp.includes("script-src 'self'")) {
      fail(`GET ${page} should answer the console (status ${html.status}, CSP ${csp})`, svc.out.text);
    }
  }
  const missing = await fetch(`http://127.0.0.1:${port}/health/nothing`);
  if (missing.status !== 404) fail(`GET /health/nothing answered ${missing.status}, not 404`, svc.out.text);
  if (extraCheck) await extraCheck(svc);
  svc.child.kill('SIGINT');
  const exit = await within(30_000, svc.exited);
  if (exit === 'timeout') fail('no exit within 30 s of SIGINT', svc.out.text);
  if (exit.code !== 0) fail(`exit ${JSON.stringify(exit)} after SIGINT`, svc.out.text);
  console.log(`smoke: ready in ${((ready - started) / 1000).toFixed(1)} s, GraphQL and the console answered, SIGINT exit 0`);
  return svc.out.text;
}

(async () => {
  if (!fs.existsSync(main)) fail(`${main} is missing: run npm run build first`);

  // 1. A bad PORT stops the boot at once, naming the variable.
  const bad = run({ PORT: 'abc' });
  const badExit = await within(10_000, bad.exited);
  if (badExit === 'timeout' || badExit.code === 0 || !/PORT/.test(bad.out.text)) {
    fail(`PORT=abc should fail at once naming PORT (${JSON.stringify(badExit)})`, bad.out.text);
  }
  console.log(`smoke: PORT=abc refused: ${bad.out.text.split('\n')[1].trim()}`);

  // 2. Start, answer, stop; then start again on the same data.
  const before = new Set(postgresPids());
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-smoke-'));
  const port = await freePort();
  const env = { PORT: String(port), EMBEDDED_PG_DIR: path.join(work, 'pg'), NODE_ENV: 'production', LOG_FORMAT: 'json' };
  const first = await startCheckStop(env, port);
  const leftover = postgresPids().filter((p) => !before.has(p));
  if (leftover.length) fail(`postgres still running after stop: pids ${leftover.join(', ')}`, first);
  if (!/Initialising embedded PostgreSQL/.test(first)) fail('the first start did not initialise a database', first);

  const second = await startCheckStop(env, port);
  if (/Initialising embedded PostgreSQL/.test(second)) fail('the second start did not reuse the data', second);
  const leftover2 = postgresPids().filter((p) => !before.has(p));
  if (leftover2.length) fail(`postgres still running after the second stop: pids ${leftover2.join(', ')}`, second);
  console.log('smoke: second start reused the data; no postgres process left');

  // 3. Two server processes on one port: both serve, all stop on SIGINT; every
  // scrape of GET /metrics counts the requests of both, whichever one answers it.
  const token = 'smoke-metrics-token-0123456789';
  // A new connection per request (fetch would keep one alive, and one connection stays with one process).
  const get = (urlPath, headers = {}) =>
    new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: urlPath, headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      }).on('error', reject);
    });
  const clusterMetrics = async (svc) => {
    for (let i = 0; i < 6; i++) await get('/health/live');
    for (let i = 0; i < 4; i++) {
      const { status, text } = await get('/metrics', { authorization: `Bearer ${token}` });
      const res = { status };
      const live = /^sigap_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_class="2xx"\} (\d+)$/m.exec(text);
      if (res.status !== 200 || live?.[1] !== '6') fail(`scrape ${i + 1}: ${res.status}, /health/live counted ${live?.[1]} (want 6 over both processes)`, svc.out.text);
    }
    console.log('smoke: four scrapes of GET /metrics each counted both processes');
  };
  const third = await startCheckStop({ ...env, WEB_CONCURRENCY: '2', METRICS_TOKEN: token }, port, /listening on .*\(2 process\(es\)\)/, clusterMetrics);
  const leftover3 = postgresPids().filter((p) => !before.has(p));
  if (leftover3.length) fail(`postgres still running after the cluster stop: pids ${leftover3.join(', ')}`, third);
  const workers = new Set([...third.matchAll(/"pid":(\d+)[^\n]*Nest application successfully started/g)].map((m) => m[1]));
  if (workers.size !== 2) fail(`expected two server processes to start, saw ${workers.size}`, third);
  console.log('smoke: two server processes served and stopped cleanly');

  // Clean up the data, wherever the launcher had to keep it.
  const dataDir = /\(data: ([^)]+)\)/.exec(first)?.[1];
  for (const dir of [work, dataDir, dataDir && `${dataDir}.credentials`]) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('smoke: passed');
})().catch((error) => fail(error.stack));
