// Amounts arrive as decimal strings ("150000.00") and are shown for the locale: "150 000,00 ₽", "₸1,234.50".
// Intl.NumberFormat formats a decimal string exactly (no conversion to a binary float on the way).

const SYMBOLS: Record<string, string> = { RUB: "₽", KZT: "₸", BYN: "Br" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, found);
  }
  return found;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!DECIMAL.test(amount)) return `${amount} ${currency}`;
  // A string argument is formatted as an exact decimal (Intl.NumberFormat v3).
  const text = formatter(locale, currency).format(amount as unknown as number);
  // Some runtimes print "BYN" for narrowSymbol: GiftHub writes "Br".
  return currency in SYMBOLS ? text.replace(currency, SYMBOLS[currency] ?? currency) : text;
}
