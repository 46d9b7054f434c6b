import { All, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { Open311Gate } from '../application/open311-gate';
import { CreateServiceRequest } from '../commands/create-service-request/create-service-request.command';
import { PostRequestUpdate } from '../commands/post-request-update/post-request-update.command';
import { Open311Form, readOpen311Form, single } from '../domain/open311-form';
import { Open311Error } from '../domain/open311.error';
import { renderList, renderObject } from '../format/open311-document';
import { OPEN311_SETTINGS, Open311Settings } from '../open311-settings';
import { ListRequestUpdates } from '../queries/list-request-updates/list-request-updates.query';
import { ListServiceRequests } from '../queries/list-service-requests/list-service-requests.query';
import { readRequestQuery } from '../queries/list-service-requests/request-query';
import { ListServices } from '../queries/list-services/list-services.query';
import { checkFormat, languageOf, OPEN311_BASE, Open311HttpReply, Open311HttpRequest, sendOpen311 } from './open311-http';
import { OPEN311_OPENAPI } from './open311.openapi';

/** When the served interface last changed (the discovery document's changeset). */
const CHANGESET = '2026-12-02T00:00:00+08:00';

/**
 * The Open311 GeoReport v2 server with FixMyStreet's update extension, beside
 * GraphQL. Each route reads its format from the suffix, checks the key (and
 * its rate) and the jurisdiction, and hands the rest to a use case; every
 * failure is an Open311Error the exception filter renders as the spec's
 * `errors` body. Both POSTs answer 200: the spec's examples do, and
 * FixMyStreet and mySociety's open311-adapter only ask for a success.
 */
@Controller(OPEN311_BASE.slice(1))
export class Open311Controller {
  constructor(
    private readonly gate: Open311Gate,
    private readonly services: ListServices,
    private readonly requests: ListServiceRequests,
    private readonly updates: ListRequestUpdates,
    private readonly createRequest: CreateServiceRequest,
    private readonly postUpdate: PostRequestUpdate,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('discovery.:format')
  async discovery(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    await this.read(req);
    const url = `${baseUrl(req)}${OPEN311_BASE}`;
    sendOpen311(reply, format, 200, renderObject(format, 'discovery', {
      changeset: CHANGESET,
      contact: this.settings.contact,
      key_service: `${this.settings.contact}: ask for an Open311 api_key (${url}/openapi.json describes the endpoints)`,
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
    }));
  }

  @Get('services.:format')
  async serviceList(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = await this.read(req);
    sendOpen311(reply, format, 200, renderList(format, 'services', 'service', await this.services.list(this.language(req, form))));
  }

  @Get('services/:service_code.:format')
  async serviceDefinition(@Param('service_code') code: string, @Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = await this.read(req);
    sendOpen311(reply, format, 200, renderObject(format, 'service_definition', await this.services.definition(code, this.language(req, form))));
  }

  @Post('requests.:format')
  @HttpCode(200)
  async createServiceRequest(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = readOpen311Form(req.body);
    const client = await this.gate.client(apiKeyOf(form), address(req));
    const created = await this.createRequest.execute({ client, form, language: this.language(req, form) });
    sendOpen311(reply, format, 200, renderList(format, 'service_requests', 'request', [{
      service_request_id: created.serviceRequestId,
      token: created.token,
      service_notice: created.serviceNotice,
      account_id: created.accountId,
    }]));
  }

  @Get('requests.:format')
  async requestList(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = await this.read(req);
    const { query, problems } = readRequestQuery(form, this.clock.now(), this.settings.timeZone);
    if (!query) throw Open311Error.badRequest(problems);
    sendOpen311(reply, format, 200, renderList(format, 'service_requests', 'request', await this.requests.list(query, this.language(req, form))));
  }

  @Get('requests/:service_request_id.:format')
  async oneRequest(@Param('service_request_id') id: string, @Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = await this.read(req);
    sendOpen311(reply, format, 200, renderList(format, 'service_requests', 'request', await this.requests.one(id, this.language(req, form))));
  }

  @Get('tokens/:token.:format')
  async token(@Param('token') token: string, @Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    await this.read(req);
    sendOpen311(reply, format, 200, renderList(format, 'service_requests', 'request', await this.requests.token(token)));
  }

  @Get('servicerequestupdates.:format')
  async updateList(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = await this.read(req);
    const window = this.updates.window(form, this.clock.now());
    if ('problems' in window) throw Open311Error.badRequest(window.problems);
    sendOpen311(reply, format, 200, renderList(format, 'service_request_updates', 'request_update', await this.updates.list(window, this.language(req, form))));
  }

  @Post('servicerequestupdates.:format')
  @HttpCode(200)
  async createUpdate(@Param('format') f: string, @Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): Promise<void> {
    const format = checkFormat(f);
    const form = readOpen311Form(req.body);
    const client = await this.gate.client(apiKeyOf(form), address(req));
    this.checkJurisdiction(form);
    const { updateId, accountId } = await this.postUpdate.execute({ client, form, timeZone: this.settings.timeZone });
    sendOpen311(reply, format, 200, renderList(format, 'service_request_updates', 'request_update', [{ update_id: updateId, account_id: accountId }]));
  }

  @Get('openapi.json')
  openapi(@Res() reply: Open311HttpReply): void {
    sendOpen311(reply, 'json', 200, JSON.stringify(OPEN311_OPENAPI));
  }

  /**
   * Anything else under /open311/v2: a CORS preflight (a browser app POSTing
   * JSON; the origin header itself comes from the Open311 hook), or the
   * spec's 404, in XML unless the path ends in .json.
   */
  @All('*')
  unknown(@Req() req: Open311HttpRequest, @Res() reply: Open311HttpReply): void {
    if (req.method === 'OPTIONS') {
      reply.code(204).header('access-control-allow-methods', 'GET, POST, OPTIONS').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').send();
      return;
    }
    throw Open311Error.notFound('no such Open311 endpoint (see /open311/v2/discovery.xml)');
  }

  /** A GET's query: its key (optional, checked when given) and rate, and the jurisdiction. */
  private async read(req: Open311HttpRequest): Promise<Open311Form> {
    const form = readOpen311Form(req.query ?? {});
    await this.gate.reader(apiKeyOf(form), address(req));
    this.checkJurisdiction(form);
    return form;
  }

  private checkJurisdiction(form: Open311Form): void {
    const problems: string[] = [];
    const jurisdiction = single(form, 'jurisdiction_id', 253, problems);
    if (problems.length) throw Open311Error.badRequest(problems);
    if (jurisdiction && jurisdiction !== this.settings.jurisdictionId) {
      throw Open311Error.notFound(`jurisdiction_id ${JSON.stringify(jurisdiction)} is not served here (this is ${this.settings.jurisdictionId})`);
    }
  }

  private language(req: Open311HttpRequest, form: Open311Form): ReturnType<typeof languageOf> {
    return languageOf(req, form.fields.get('locale')?.[0] ?? null);
  }
}

function apiKeyOf(form: Open311Form): string | null {
  return form.fields.get('api_key')?.[0]?.trim() || null;
}

function address(req: Open311HttpRequest): string {
  return req.ip ?? 'unknown';
}

function baseUrl(req: Open311HttpRequest): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${proto}://${host}`;
}
