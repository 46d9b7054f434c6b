/** What the identity domain needs from configuration; provided by IdentityModule.forRoot. */
export interface IdentitySettings {
  readonly tokenSecret: string | null;
  readonly accessTokenMs: number;
  readonly refreshTokenMs: number;
  readonly scryptLogN: number;
  readonly bootstrapAdmin: { readonly username: string; readonly password: string } | null;
  readonly loginLimitPerMinute: number;
  readonly publicLimitPerMinute: number;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
