import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { describeError } from '../api/errors';
import type { Profile } from '../api/types';

export const DELETE_PHRASE = 'delete my account';
const NAME = /^[\p{L} .'-]{1,50}$/u;

export function ProfilePage() {
  const api = useApi();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.profile().then((p) => live && setProfile(p), (e) => live && setLoadError(describeError(e)));
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title" tabIndex={-1}>Profile</h1>
      {loadError && <p className="alert" role="alert">{loadError}</p>}
      {!profile && !loadError && <p className="muted" role="status">Loading your profile…</p>}
      {profile && (
        <>
          <div className="card">
            <dl className="facts">
              <dt>Email</dt>
              <dd>{profile.email}</dd>
              <dt>Username</dt>
              <dd>{profile.username}</dd>
              <dt>Member since</dt>
              <dd>{new Date(profile.createdAt).toLocaleDateString()}</dd>
            </dl>
            <PreferredNameForm profile={profile} onSaved={setProfile} />
          </div>
          <ExportCard />
          <DeleteAccountCard />
        </>
      )}
    </section>
  );
}

function PreferredNameForm({ profile, onSaved }: { profile: Profile; onSaved: (p: Profile) => void }) {
  const api = useApi();
  const [name, setName] = useState(profile.preferredName ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const trimmed = name.trim();
    if (!NAME.test(trimmed)) {
      setError('Use 1 to 50 letters, spaces, dots, apostrophes or hyphens.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onSaved(await api.updatePreferredName(trimmed));
      setSaved(`Saved. Jumbo will call you ${trimmed}.`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} noValidate className="name-form">
      <div className="field">
        <label htmlFor="preferred-name">What should Jumbo call you?</label>
        <input id="preferred-name" value={name} maxLength={50} onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'preferred-name-error' : undefined} />
        {error && <small id="preferred-name-error" className="field-error">{error}</small>}
      </div>
      <button type="submit" className="primary small" disabled={busy}>Save name</button>
      <p role="status" className="success">{saved}</p>
    </form>
  );
}

function ExportCard() {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const url = URL.createObjectURL(new Blob([await api.exportData()], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `jumbo-export-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <h2>Your data</h2>
      <p className="muted">Download everything Jumbo holds about you: profile, conversations, memories and moods.</p>
      {error && <p className="alert" role="alert">{error}</p>}
      <button type="button" className="ghost" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing…' : 'Download my data (JSON)'}
      </button>
    </div>
  );
}

function DeleteAccountCard() {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmed = typed.trim().toLowerCase() === DELETE_PHRASE;

  const remove = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      await api.deleteAccount(); // signs out: the app returns to the sign-in page
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <div className="card danger-zone">
      <h2>Delete account</h2>
      <p className="muted">This erases your account, conversations, memories and moods for good. It cannot be undone.</p>
      {!open ? (
        <button type="button" className="danger" onClick={() => setOpen(true)}>Delete my account…</button>
      ) : (
        <form onSubmit={remove}>
          <div className="field">
            <label htmlFor="delete-confirm">
              To confirm, type <strong>{DELETE_PHRASE}</strong>
            </label>
            <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
          </div>
          {error && <p className="alert" role="alert">{error}</p>}
          <div className="actions">
            <button type="submit" className="danger" disabled={!confirmed || busy}>{busy ? 'Deleting…' : 'Delete everything'}</button>
            <button type="button" className="ghost" onClick={() => { setOpen(false); setTyped(''); }}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
