// The signed-in person, shared by every screen: who they are, their language and time zone.
import { reactive } from "vue";
import { api, call } from "@/api/client";
import type { components } from "@/api/schema";
import { setLanguage } from "@/i18n";

export type Me = components["schemas"]["MeOut"];

export const session = reactive<{ me: Me | null; checked: boolean }>({ me: null, checked: false });

function adopt(me: Me | null): void {
  session.me = me;
  session.checked = true;
  const language = me?.user?.language;
  if (language === "ru" || language === "en") setLanguage(language);
}

/** Ask the API who this browser is; a 401 means nobody is signed in. */
export async function loadSession(): Promise<Me | null> {
  const { data, response } = await api.GET("/api/v1/auth/me");
  adopt(response.ok && data ? data : null);
  return session.me;
}

export async function signIn(email: string, password: string, otp: string | null): Promise<void> {
  await call(api.POST("/api/v1/auth/sign-in", { body: { email, password, otp: otp || null } }));
  await loadSession();
}

export async function signOut(): Promise<void> {
  await api.POST("/api/v1/auth/sign-out");
  adopt(null);
}

export function timeZone(): string {
  return session.me?.user?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
