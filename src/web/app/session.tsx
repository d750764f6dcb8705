import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../shared/domain/permissions';
import type { Locale } from '../../shared/i18n/locales';
import { isApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { authApi, type SessionInfo } from '../api/endpoints';
import { currentLocale, setLocale } from '../i18n';

export const SESSION_KEY = ['session'] as const;

interface SessionContextValue {
  session: SessionInfo | null;
  /** True when the last session ended on its own (expired, signed out elsewhere). */
  expired: boolean;
  can: (action: Action) => boolean;
  signIn: (username: string, password: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
  changeLocale: (locale: Locale) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Set when the language was picked on the sign-in page; then it wins over the account's saved language. */
let pickedWhileSignedOut = false;
let sessionExpired = false;

async function loadSession(): Promise<SessionInfo | null> {
  try {
    return await authApi.me();
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      sessionExpired = error.code === 'SESSION_EXPIRED';
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity, retry: false });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  // A 401 from any signed-in request ends the session in the UI; RequireAuth then shows the sign-in page.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      sessionExpired = true;
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  // A restored session brings the account's language.
  const restoredLocale = query.isFetchedAfterMount ? query.data?.user.locale : undefined;
  useEffect(() => {
    if (restoredLocale && restoredLocale !== currentLocale()) setLocale(restoredLocale);
  }, [restoredLocale]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const info = await authApi.login(username, password);
      setCsrfToken(info.csrfToken);
      sessionExpired = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      const chosen = currentLocale();
      if (pickedWhileSignedOut && chosen !== info.user.locale) {
        info.user.locale = chosen;
        authApi.setLocale(chosen).catch(() => undefined);
      } else if (info.user.locale !== chosen) {
        setLocale(info.user.locale);
      }
      pickedWhileSignedOut = false;
      queryClient.setQueryData(SESSION_KEY, info);
      return info;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone; the UI signs out anyway
    }
    setCsrfToken(null);
    sessionExpired = false;
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  }, [queryClient]);

  const reload = useCallback(async () => {
    await queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 0 });
  }, [queryClient]);

  const changeLocale = useCallback(
    (locale: Locale) => {
      setLocale(locale);
      const current = queryClient.getQueryData<SessionInfo | null>(SESSION_KEY);
      if (!current) {
        pickedWhileSignedOut = true;
        return;
      }
      queryClient.setQueryData(SESSION_KEY, { ...current, user: { ...current.user, locale } });
      authApi.setLocale(locale).catch(() => undefined);
    },
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(() => {
    const granted = new Set<Action>(session?.permissions ?? []);
    return {
      session,
      expired: sessionExpired,
      can: (action) => granted.has(action),
      signIn,
      signOut,
      reload,
      changeLocale,
    };
  }, [session, signIn, signOut, reload, changeLocale]);

  if (query.isPending) return <>{fallback}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind RequireAuth. */
export function useSignedIn(): SessionInfo & { can: (action: Action) => boolean } {
  const { session, can } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return { ...session, can };
}
