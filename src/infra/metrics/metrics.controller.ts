import { Controller, Get, Headers, Inject, Res, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ClusterMetricsError } from './cluster-metrics.bridge';
import { MetricsExposition } from './metrics.exposition';
import { bearerTokenMatches } from './metrics-token';

export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

/**
 * `GET /metrics` for Prometheus. Registered only when METRICS_TOKEN is set
 * (otherwise the route does not exist: 404); the scraper sends it as a bearer
 * token. The numbers are operational, but still tell who is busy with what.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly exposition: MetricsExposition,
    @Inject(METRICS_TOKEN) private readonly token: string,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<string> {
    if (!bearerTokenMatches(authorization, this.token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>');
    }
    let text: string;
    try {
      text = await this.exposition.collect();
    } catch (error) {
      // A partial cluster answer would look like a drop in every counter: better none.
      if (error instanceof ClusterMetricsError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
    reply.header('content-type', this.exposition.contentType);
    return text;
  }
}
