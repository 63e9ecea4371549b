// A form's server-side errors: the API's problem details shown at the fields their `errors[].field` names,
// and the rest as one message above the form. Nothing typed is cleared when the server refuses it.
import { reactive, ref } from "vue";
import { useI18n } from "vue-i18n";
import { ApiProblem } from "@/api/client";

export function useFieldErrors(fields: readonly string[]) {
  const { t } = useI18n();
  const byField = reactive<Record<string, string>>({});
  const general = ref("");

  function clear(): void {
    for (const key of Object.keys(byField)) delete byField[key];
    general.value = "";
  }

  /** Show a failed request at its fields where the form has them, otherwise above the form. `messages` maps
   * problem codes to the cabinet's own words for them (in the person's language); others show the API's text. */
  function show(error: unknown, messages: Record<string, string> = {}): void {
    clear();
    if (!(error instanceof ApiProblem)) {
      general.value = t("errors.network");
      return;
    }
    const key = messages[error.code];
    const own = key ? t(key) : undefined;
    let placed = false;
    for (const { field, message } of error.errors) {
      if (fields.includes(field)) {
        byField[field] = own ?? message;
        placed = true;
      }
    }
    if (!placed) general.value = own ?? t("errors.generic", { detail: error.message });
  }

  /** NFormItem props for a field: red with its message when the server refused it. */
  function item(field: string) {
    return byField[field] ? { validationStatus: "error" as const, feedback: byField[field] } : {};
  }

  return { byField, general, clear, show, item };
}
