import { httpMetricsHook, UNMATCHED_ROUTE } from './http-metrics.hook';
import { MetricsRegistry } from './metrics.registry';

describe('httpMetricsHook', () => {
  it('labels by method, route template and status class; an unmatched route or odd method by one value each', async () => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    const hook = httpMetricsHook(metrics);
    await hook({ method: 'POST', routeOptions: { url: '/graphql' } }, { statusCode: 200, elapsedTime: 12 });
    await hook({ method: 'GET', routeOptions: {} }, { statusCode: 404, elapsedTime: 1 });
    await hook({ method: 'PROPFIND', routeOptions: {} }, { statusCode: 404, elapsedTime: 1 });
    const text = await metrics.metrics();
    expect(text).toContain('sigap_http_request_duration_seconds_count{method="POST",route="/graphql",status_class="2xx"} 1');
    expect(text).toContain('sigap_http_request_duration_seconds_sum{method="POST",route="/graphql",status_class="2xx"} 0.012');
    expect(text).toContain(`sigap_http_request_duration_seconds_count{method="GET",route="${UNMATCHED_ROUTE}",status_class="4xx"} 1`);
    expect(text).toContain(`sigap_http_request_duration_seconds_count{method="OTHER",route="${UNMATCHED_ROUTE}",status_class="4xx"} 1`);
  });
});
