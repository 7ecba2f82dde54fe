import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { unwrap } from '../api/problem';
import type { Session, SessionUser } from '../api/types';
import { type Ability, mayStart } from './abilities';

export type MenuItem = Session['menu'][number];

export interface SessionValue {
  user: SessionUser | null;
  /** The console pages the server says this person may open. */
  menu: MenuItem[];
  /** Whether the server lets this person start an action, anywhere or for the unit at `unitPath`. */
  can(action: string, unitPath?: string): boolean;
  loading: boolean;
  /** Reads the session again; answers it as the server sent it (the user and their menu). */
  refresh(): Promise<Session>;
  login(login: string, password: string): Promise<Session>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [user, setUser] = useState<SessionUser | null>(null);
  const [menu, setMenu] = useState<MenuItem[]>([]);
  const [abilities, setAbilities] = useState<Ability[]>([]);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((session: Session) => {
    setUser(session.user);
    setMenu(session.menu);
    // A server from before abilities sends none: nothing more is allowed than it says.
    setAbilities(session.abilities ?? []);
    return session;
  }, []);

  const refresh = useCallback(async () => {
    try {
      return adopt(unwrap(await api.GET('/api/v1/auth/session')));
    } finally {
      setLoading(false);
    }
  }, [api, adopt]);

  const login = useCallback(
    async (loginName: string, password: string) =>
      adopt(unwrap(await api.POST('/api/v1/auth/login', { body: { login: loginName, password } }))),
    [api, adopt],
  );

  const logout = useCallback(async () => {
    unwrap(await api.POST('/api/v1/auth/logout'));
    setUser(null);
    setMenu([]);
    setAbilities([]);
  }, [api]);
  const can = useCallback(
    (action: string, unitPath?: string) => mayStart(abilities, action, unitPath),
    [abilities],
  );

  useEffect(() => {
    refresh().catch(() => setUser(null));
  }, [refresh]);

  // The server refuses everything until a password someone else set is replaced (the cookie may
  // now be another account's, signed in from another tab): take the session as it says, and the
  // layouts send a person whose session says so to the change-password page.
  useEffect(
    () =>
      api.onPasswordChangeRequired(() => {
        setUser((current) => (current ? { ...current, mustChangePassword: true } : current));
        refresh().catch(() => setUser(null));
      }),
    [api, refresh],
  );

  const value = useMemo(
    () => ({ user, menu, can, loading, refresh, login, logout }),
    [user, menu, can, loading, refresh, login, logout],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
