import { ChildProcess, spawn } from 'node:child_process';
import { BENCH_AUTH_ENV } from './bench-auth';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The repository root: this file runs as dist/bench/support/server.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = path.join(REPO_ROOT, 'dist', 'src', 'main.js');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ServerStart {
  /** Shown in the forwarded log lines: [sigap:<label>]. */
  readonly label: string;
  readonly databaseUrl: string;
  /** Node flags before the entry file (e.g. --cpu-prof, -r <preload>). */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** Children still running; killed outright if the bench process exits without stopping them. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * The built server (`node dist/src/main.js`) as a child process, production
 * settings, its own free port; ready once GET /health/ready answers 200.
 */
export class SigapServer {
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;
  private readonly tail: string[] = [];
  private stopping: Promise<void> | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly label: string,
  ) {
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(child);
        resolve();
      });
    });
    const forward = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
        // Error logs carry whole SQL statements and stacks: the first part says enough.
        const shown = line.length > 700 ? `${line.slice(0, 700)}… (${line.length} chars)` : line;
        process.stderr.write(`[sigap:${this.label}] ${shown}\n`);
      }
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: ServerStart): Promise<SigapServer> {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run bench:intake builds).`);
    const port = await freePort();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...BENCH_AUTH_ENV,
        ...options.env,
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C reaches only the bench, which stops
      // the server itself, once, after the load has ended.
      detached: true,
    });
    const server = new SigapServer(child, `http://127.0.0.1:${port}`, options.label);
    try {
      await server.waitReady();
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
    return server;
  }

  /** SIGKILL, as a crash would: no draining, no shutdown hooks. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
    this.stopping ??= Promise.resolve();
  }

  /** SIGINT (the server drains and exits 0), SIGKILL after a timeout. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    if (!this.exit) {
      this.child.kill('SIGINT');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    const { code, signal } = this.exit!;
    if (code !== 0) {
      throw new Error(`The ${this.label} server (pid ${this.child.pid}) ended with ${code ?? signal}. Its last output:\n${this.lastOutput()}`);
    }
  }

  /**
   * Waits until requests cut off by the end of a run (their clients gone, the
   * server still executing them) have finished, so stopping aborts none: a
   * readiness probe queues behind them for a database connection; once probes
   * come back quickly, the server is idle.
   */
  async settle(): Promise<void> {
    let quick = 0;
    for (let attempt = 0; attempt < 100 && quick < 2; attempt++) {
      const t0 = Date.now();
      const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      quick = Date.now() - t0 < 25 ? quick + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (this.exit) {
        throw new Error(`The ${this.label} server stopped during start (${this.exit.code ?? this.exit.signal}). Its last output:\n${this.lastOutput()}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`The ${this.label} server was not ready within ${READY_TIMEOUT_MS / 1000} s. Its last output:\n${this.lastOutput()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private lastOutput(): string {
    return this.tail.join('\n') || '(none)';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
