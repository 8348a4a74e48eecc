import { useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { ApiError, describeError } from '../api/errors';

type Mode = 'signin' | 'signup';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCredentials(mode: Mode, email: string, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!email.trim()) errors.email = 'Please enter your email address.';
  else if (!EMAIL.test(email.trim())) errors.email = 'That does not look like an email address.';
  if (!password) errors.password = 'Please enter your password.';
  else if (mode === 'signup' && password.length < 8) errors.password = 'Use at least 8 characters.';
  return errors;
}

export function AuthPage({ onSignedIn }: { onSignedIn: () => void }) {
  const api = useApi();
  const [mode, setMode] = useState<Mode>('signup');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems = validateCredentials(mode, email, password);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(`${id}-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (mode === 'signup') await api.signUp(email.trim(), password, username.trim() || undefined);
      else await api.signIn(email.trim(), password);
      onSignedIn();
    } catch (e) {
      setError(authMessage(mode, e));
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setFieldErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, sentence(f.message)])));
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
    setFieldErrors({});
  };

  const title = mode === 'signup' ? 'Create your account' : 'Welcome back';
  return (
    <main className="auth">
      <section className="card auth-card" aria-labelledby={`${id}-title`}>
        <img src="/favicon.svg" alt="" width="56" height="56" className="auth-logo" />
        <h1 id={`${id}-title`}>{title}</h1>
        <p className="muted">Jumbo is a friendly companion who remembers what matters to you.</p>
        <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
          {error && (
            <div id={`${id}-error`} className="alert" role="alert" tabIndex={-1} ref={errorRef}>
              {error}
            </div>
          )}
          <Field id={`${id}-email`} label="Email" error={fieldErrors.email}>
            <input id={`${id}-email`} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined} aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined} />
          </Field>
          <Field id={`${id}-password`} label="Password" error={fieldErrors.password} hint={mode === 'signup' ? 'At least 8 characters; avoid common passwords.' : undefined}>
            <input id={`${id}-password`} type="password" autoComplete={mode === 'signup' ? 'new-password' : 'current-password'} value={password}
              onChange={(e) => setPassword(e.target.value)} aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? `${id}-password-error` : mode === 'signup' ? `${id}-password-hint` : undefined} />
          </Field>
          {mode === 'signup' && (
            <Field id={`${id}-username`} label="Username (optional)" error={fieldErrors.username}>
              <input id={`${id}-username`} type="text" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)}
                aria-invalid={fieldErrors.username ? true : undefined} />
            </Field>
          )}
          <button type="submit" className="primary wide" disabled={busy}>
            {busy ? 'Please wait…' : mode === 'signup' ? 'Sign up' : 'Sign in'}
          </button>
        </form>
        <p className="switch">
          {mode === 'signup' ? 'Already have an account?' : 'New to Jumbo?'}{' '}
          <button type="button" className="link" onClick={() => switchTo(mode === 'signup' ? 'signin' : 'signup')}>
            {mode === 'signup' ? 'Sign in' : 'Create an account'}
          </button>
        </p>
      </section>
    </main>
  );
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

function authMessage(mode: Mode, error: unknown): string {
  if (error instanceof ApiError) {
    if (mode === 'signin' && error.status === 401) return 'That email and password do not match. Please try again.';
    if (mode === 'signup' && error.status === 409) return error.message || 'An account with that email already exists. Try signing in.';
    if (error.fieldErrors.length > 0) return error.message;
  }
  return describeError(error);
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
