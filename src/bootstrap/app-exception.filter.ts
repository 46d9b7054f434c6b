import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { asOpen311Error, formatOfUrl, isOpen311Url, Open311HttpReply, Open311HttpRequest, sendOpen311Error } from '../core/open311';
import { GraphqlExceptionFilter } from '../infra/graphql/graphql-exception.filter';

/**
 * The application's one exception filter: GraphQL errors go to Apollo (see
 * GraphqlExceptionFilter); anything failing under /open311/v2, whether in a
 * handler or before one ran (body too large, unreadable body, no such
 * route), answers with the spec's `errors` body in the format the URL asks
 * for; other HTTP routes keep Nest's own handling. One filter, because Nest
 * hands Fastify's own errors (413, 415, 404) only to global filters.
 *
 * @example
 * app.useGlobalFilters(new AppExceptionFilter(app.getHttpAdapter()));
 */
@Catch()
export class AppExceptionFilter extends GraphqlExceptionFilter {
  private readonly logger = new Logger('Open311');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() === 'http') {
      const http = host.switchToHttp();
      const req = http.getRequest<Open311HttpRequest | undefined>();
      if (req && typeof req.url === 'string' && isOpen311Url(req.url)) {
        const { error, bug } = asOpen311Error(exception);
        if (bug) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
        sendOpen311Error(http.getResponse<Open311HttpReply>(), formatOfUrl(req.url), error);
        return undefined;
      }
    }
    return super.catch(exception, host);
  }
}
