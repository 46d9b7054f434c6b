import { DynamicModule, Global, Module } from '@nestjs/common';
import { SecurityModule } from '../../infra/security/security.module';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyService } from './application/api-key.service';
import { AuthService } from './application/auth.service';
import { Authenticator } from './application/authenticator';
import { SocketAuthenticator } from './application/socket-authenticator';
import { SOCKET_GATEKEEPER } from '../../infra/graphql/graphql-ws.options';
import { IdentityBootstrap } from './application/identity-bootstrap';
import { IDENTITY_SETTINGS, IdentitySettings } from './application/identity-settings';
import { ReporterAccessRecorder } from './application/reporter-access.recorder';
import { StaffDirectory } from './application/staff-directory';
import { TokenService } from './application/token.service';
import { ApiKeyResolver } from './api/api-key.resolver';
import { AuthResolver } from './api/auth.resolver';
import { AuthorizationGuard } from './api/authorization.guard';
import { PublicRateLimit } from './api/public-rate-limit';
import { ReporterAccessResolver } from './api/reporter-access.resolver';
import { ReporterIdentityResolver } from './api/reporter-identity.resolver';
import { StaffResolver } from './api/staff.resolver';

/**
 * Who may do what: staff accounts and their sessions, OPD systems' API keys,
 * the one permission table enforced by a global guard on every GraphQL root
 * field, the reporter-identity rule on every ticket, and its access log.
 */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(settings: IdentitySettings): DynamicModule {
    return {
      module: IdentityModule,
      imports: [SecurityModule],
      providers: [
        { provide: IDENTITY_SETTINGS, useValue: settings },
        PublicRateLimit,
        TokenService,
        ApiKeyService,
        Authenticator,
        { provide: SOCKET_GATEKEEPER, useClass: SocketAuthenticator },
        AuthService,
        StaffDirectory,
        IdentityBootstrap,
        { provide: APP_GUARD, useClass: AuthorizationGuard },
        AuthResolver,
        StaffResolver,
        ApiKeyResolver,
        ReporterAccessResolver,
        ReporterAccessRecorder,
        ReporterIdentityResolver,
      ],
      exports: [TokenService, StaffDirectory, Authenticator, SOCKET_GATEKEEPER, ReporterAccessRecorder],
    };
  }
}
