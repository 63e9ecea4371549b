// Tables that scroll sideways on a phone must be scrollable from the keyboard too (WCAG 2.1.1):
// `v-keyboard-scroll` makes each scroll container inside the element focusable and names it.
import type { Directive } from "vue";

function mark(element: HTMLElement, label: string): void {
  for (const container of element.querySelectorAll<HTMLElement>(".n-scrollbar-container")) {
    if (!container.hasAttribute("tabindex")) container.setAttribute("tabindex", "0");
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  }
}

export const vKeyboardScroll: Directive<HTMLElement, string> = {
  mounted: (element, binding) => mark(element, binding.value),
  updated: (element, binding) => mark(element, binding.value),
};
