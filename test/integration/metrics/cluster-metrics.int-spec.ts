import { fork } from 'node:child_process';
import * as path from 'node:path';

// The cluster bridge for real: a primary and three node:cluster workers
// exchanging metrics over IPC (cluster-metrics.fixture.ts). No timing is
// assumed: the test waits for the fixture's one message or its exit.

const FIXTURE = path.join(__dirname, 'cluster-metrics.fixture.ts');

function runFixture(): Promise<{ type: string; text?: string; error?: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(FIXTURE, [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { type: string; text?: string; error?: string } | null = null;
    child.on('message', (message: { type: string; text?: string; error?: string }) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer) resolve(answer);
      else reject(new Error(`the fixture exited (${code ?? signal}) without an answer`));
    });
  });
}

describe('cluster metrics through the primary', () => {
  let text: string;

  beforeAll(async () => {
    const answer = await runFixture();
    if (answer.type !== 'scraped' || answer.text === undefined) throw new Error(`the scrape failed: ${answer.error ?? answer.type}`);
    text = answer.text;
    // Three processes under ts-node on a busy machine: generous, never waited out when all goes well.
  }, 180_000);

  it("sums the workers' counters and histograms", () => {
    expect(text).toContain('sigap_fixture_requests_total{route="/graphql"} 3');
    expect(text).toContain('sigap_fixture_duration_seconds_bucket{le="1"} 1');
    expect(text).toContain('sigap_fixture_duration_seconds_count 2');
  });

  it("sums a gauge of each worker's own share, and reports a shared value once with aggregator max", () => {
    expect(text).toContain('sigap_fixture_sockets 30');
    expect(text).toContain('sigap_fixture_open_tickets 42');
  });
});
