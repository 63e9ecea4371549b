// The one way the cabinet talks to GiftHub: the public /api/v1, typed from the served OpenAPI document.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import { ApiProblem, toProblem } from "./problems";

const CSRF_COOKIE = "gifthub_csrf";
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function cookie(name: string): string | undefined {
  const found = document.cookie.split("; ").find((pair) => pair.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

// The session's CSRF token goes back in a header on every write (the cookie alone proves nothing).
const csrf: Middleware = {
  onRequest({ request }) {
    const token = cookie(CSRF_COOKIE);
    if (token && WRITES.has(request.method)) request.headers.set("X-CSRF-Token", token);
    return request;
  },
};

// A 401 on any call but the session's own means the session ran out: whoever listens (the router) takes the
// person to sign-in and back to where they were.
let onUnauthenticated: (() => void) | null = null;
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}
const expiry: Middleware = {
  onResponse({ request, response }) {
    const own = new URL(request.url).pathname.startsWith("/api/v1/auth/");
    if (response.status === 401 && !own) onUnauthenticated?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: "/", credentials: "same-origin" });
api.use(csrf, expiry);

/** Unwrap an openapi-fetch answer: the data, or an ApiProblem carrying the problem's field errors. */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toProblem(error, response.status);
  return data as T;
}

export { ApiProblem };
