import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './styles.css';
import { createApolloClient } from './api/apollo';
import { AppShell } from './app/app-shell';
import { Router } from './app/router';
import { AuthProvider } from './auth/auth-context';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <Router>
        <AuthProvider>
          <AppShell />
        </AuthProvider>
      </Router>
    </ApolloProvider>
  </StrictMode>,
);
