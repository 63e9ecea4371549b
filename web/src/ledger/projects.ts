// The projects the person sees, with their balances: read once per session, shared by the layout and screens.
import { reactive } from "vue";
import { api, call } from "@/api/client";
import type { components } from "@/api/schema";

export type Project = components["schemas"]["ProjectOut"];

export const projects = reactive<{ items: Project[]; loaded: boolean; current: string | null }>({
  items: [],
  loaded: false,
  current: null,
});

let inFlight: Promise<Project[]> | null = null;

/** Read the projects again; callers at the same moment (the layout and a screen) share one request. */
export function loadProjects(): Promise<Project[]> {
  inFlight ??= call(api.GET("/api/v1/projects", { params: { query: { limit: 200 } } }))
    .then((page) => {
      projects.items = page.items;
      projects.loaded = true;
      if (!projects.current || !page.items.some((p) => p.id === projects.current)) {
        projects.current = page.items[0]?.id ?? null;
      }
      return page.items;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** Forget what the previous person saw (after sign-out). */
export function forgetProjects(): void {
  projects.items = [];
  projects.loaded = false;
  projects.current = null;
}

export function currentProject(): Project | undefined {
  return projects.items.find((p) => p.id === projects.current);
}
