import { useEffect, useRef, useState } from 'react';
import { ApiContext } from './api/ApiContext';
import type { ApiClient } from './api/client';
import { AuthPage } from './auth/AuthPage';
import { ChatPage } from './chat/ChatPage';
import { MemoriesPage } from './memories/MemoriesPage';
import { MoodsPage } from './moods/MoodsPage';
import { ProfilePage } from './profile/ProfilePage';

type Session = 'checking' | 'signedOut' | 'signedIn';
export type Section = 'chat' | 'memories' | 'moods' | 'profile';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'memories', label: 'Memories' },
  { id: 'moods', label: 'Moods' },
  { id: 'profile', label: 'Profile' },
];

export function App({ api }: { api: ApiClient }) {
  const [session, setSession] = useState<Session>(() => (api.hasSession ? 'checking' : 'signedOut'));
  const [section, setSection] = useState<Section>('chat');
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => api.onSignedOut(() => setSession('signedOut')), [api]);

  useEffect(() => {
    if (session !== 'checking') return;
    let live = true;
    api.resume().then((ok) => live && setSession(ok ? 'signedIn' : 'signedOut'), () => live && setSession('signedOut'));
    return () => {
      live = false;
    };
  }, [api, session]);

  const go = (next: Section) => {
    setSection(next);
    // move focus to the new page's heading so screen readers announce where they are
    requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus());
  };

  return (
    <ApiContext.Provider value={api}>
      {session === 'checking' && (
        <p className="centered" role="status">
          Opening Jumbo…
        </p>
      )}
      {session === 'signedOut' && (
        <AuthPage
          onSignedIn={() => {
            setSection('chat');
            setSession('signedIn');
          }}
        />
      )}
      {session === 'signedIn' && (
        <div className="shell">
          <header className="topbar">
            <span className="brand" aria-hidden="true">
              <img src="/favicon.svg" alt="" width="28" height="28" /> Jumbo
            </span>
            <nav aria-label="Main">
              <ul>
                {SECTIONS.map((s) => (
                  <li key={s.id}>
                    <button type="button" className="navlink" aria-current={section === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
                      {s.label}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <button type="button" className="ghost" onClick={() => void api.signOut()}>
              Sign out
            </button>
          </header>
          <main ref={mainRef} className="page">
            {section === 'chat' && <ChatPage />}
            {section === 'memories' && <MemoriesPage />}
            {section === 'moods' && <MoodsPage />}
            {section === 'profile' && <ProfilePage />}
          </main>
        </div>
      )}
    </ApiContext.Provider>
  );
}
