import { DynamicModule, Module } from '@nestjs/common';
import { SecurityModule } from '../../infra/security/security.module';
import { Open311ClientResolver } from './api/open311-client.resolver';
import { Open311Controller } from './api/open311.controller';
import { Open311Clients } from './application/open311-clients';
import { Open311Gate } from './application/open311-gate';
import { CreateServiceRequest } from './commands/create-service-request/create-service-request.command';
import { PostRequestUpdate } from './commands/post-request-update/post-request-update.command';
import { OPEN311_SETTINGS, Open311Settings } from './open311-settings';
import { ListRequestUpdates } from './queries/list-request-updates/list-request-updates.query';
import { ListServiceRequests } from './queries/list-service-requests/list-service-requests.query';
import { ListServices } from './queries/list-services/list-services.query';

/**
 * The Open311 GeoReport v2 server (REST under /open311/v2, beside GraphQL)
 * and the admin operations on its clients. It asks the ticket, OPD, SLA
 * domains through their public indexes only: intake, routing and clocks are
 * theirs, this module only speaks the protocol.
 */
@Module({})
export class Open311Module {
  static forRoot(settings: Open311Settings): DynamicModule {
    return {
      module: Open311Module,
      imports: [SecurityModule],
      controllers: [Open311Controller],
      providers: [
        { provide: OPEN311_SETTINGS, useValue: settings },
        Open311Clients,
        Open311Gate,
        ListServices,
        ListServiceRequests,
        ListRequestUpdates,
        CreateServiceRequest,
        PostRequestUpdate,
        Open311ClientResolver,
      ],
      exports: [OPEN311_SETTINGS],
    };
  }
}
