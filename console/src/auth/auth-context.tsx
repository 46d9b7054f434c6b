import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { currentTokens, onTokensChange, storeTokens } from './session';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      kind
      role
      opdCode
      operations
    }
  }
`);

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      user {
        id
        username
        displayName
        role
        opdCode
        languages
      }
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = MeQuery['me'];

interface AuthState {
  /** null: signed out (or the session could not be renewed). */
  readonly me: Me | null;
  readonly loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Whether the permission table lets this session use `Query.x` / `Mutation.y`. */
  can(operation: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds who is signed in, from `me` (role and the permission table's operations for these credentials). */
export function AuthProvider({ children }: { children: ReactNode }): ReactNode {
  const client = useApolloClient();
  const [signedIn, setSignedIn] = useState(() => currentTokens() !== null);
  useEffect(() => onTokensChange((tokens) => setSignedIn(tokens !== null)), []);
  const { data, loading } = useQuery(MeDocument, { skip: !signedIn, fetchPolicy: 'network-only' });
  const me = signedIn ? (data?.me ?? null) : null;

  const value: AuthState = {
    me,
    loading: signedIn && loading && !data,
    async signIn(username, password) {
      const result = await client.mutate({ mutation: LoginDocument, variables: { input: { username, password } } });
      const login = result.data?.login;
      if (!login) throw new Error('login failed');
      await client.clearStore();
      storeTokens({ accessToken: login.accessToken, refreshToken: login.refreshToken });
    },
    async signOut() {
      // The server ends the session (its refresh token stops working); the console forgets it either way.
      await client.mutate({ mutation: LogoutDocument }).catch(() => undefined);
      storeTokens(null);
      await client.clearStore();
    },
    can: (operation) => me?.operations.includes(operation) ?? false,
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}
