/** An API failure turned into words a person can read (from problem+json `detail` and `errors[]`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: 'Something in the form is not quite right.',
  401: 'Your session has ended. Please sign in again.',
  404: 'That could not be found. It may have been deleted.',
  409: 'That conflicts with something that already exists.',
  413: 'That is too long to send.',
  429: 'You are going a little fast. Please wait a moment and try again.',
};

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const body = await response.text();
    if (body) problem = JSON.parse(body) as Problem;
  } catch {
    // not JSON (e.g. a proxy error page): fall back to a message by status
  }
  const fieldErrors = (problem.errors ?? [])
    .filter((e) => e && (e.field || e.message))
    .map((e) => ({ field: e.field ?? '', message: e.message ?? 'is invalid' }));
  let message = problem.detail || FALLBACK_BY_STATUS[response.status] || problem.title;
  if (!message) message = response.status >= 500 ? 'Jumbo is having trouble right now. Please try again soon.' : `Request failed (${response.status}).`;
  if (response.status === 429) {
    const retry = response.headers.get('Retry-After');
    if (retry && !problem.detail) message = `You are going a little fast. Please try again in ${retry} seconds.`;
  }
  return new ApiError(response.status, message, fieldErrors);
}

export const NETWORK_ERROR = 'Jumbo cannot be reached right now. Check your connection and try again.';

/** Plain words for anything thrown by the client (ApiError, network failure, or a bug). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.fieldErrors.length === 0) return error.message;
    const details = error.fieldErrors.map((e) => (e.field ? `${humanField(e.field)}: ${e.message}` : e.message));
    return `${error.message} ${details.join('. ')}.`.replace(/\.\./g, '.');
  }
  if (error instanceof TypeError) return NETWORK_ERROR;
  return 'Something went wrong. Please try again.';
}

function humanField(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
