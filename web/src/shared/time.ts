// Moments arrive in UTC (RFC 3339) and are shown in the person's own IANA zone from their profile.
import { timeZone } from "@/shell/session";

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatMoment(iso: string, locale: string): string {
  const zone = timeZone();
  const key = `${locale}:${zone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: zone,
    });
    formatters.set(key, found);
  }
  return found.format(new Date(iso));
}
