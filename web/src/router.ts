import { createRouter, createWebHistory } from "vue-router";
import { loadSession, session } from "@/shell/session";

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: "/sign-in", name: "sign-in", component: () => import("@/identity/SignInPage.vue"), meta: { public: true } },
    // The links GiftHub emails: each opens a real page.
    {
      path: "/invitation",
      component: () => import("@/identity/SetPasswordPage.vue"),
      props: { purpose: "invitation" },
      meta: { public: true },
    },
    { path: "/password-reset", component: () => import("@/identity/PasswordResetPage.vue"), meta: { public: true } },
    {
      path: "/",
      component: () => import("@/shell/AppLayout.vue"),
      children: [
        { path: "", name: "home", component: () => import("@/ledger/ProjectsOverview.vue") },
        { path: "projects/:id", name: "project", component: () => import("@/ledger/ProjectPage.vue") },
        { path: "settings/profile", name: "profile", component: () => import("@/settings/ProfilePage.vue") },
        { path: ":rest(.*)*", name: "not-found", component: () => import("@/shell/NotFoundPage.vue") },
      ],
    },
  ],
});

// Every screen but sign-in needs a session; without one the person signs in and comes back where they were.
router.beforeEach(async (to) => {
  if (!session.checked) await loadSession();
  if (to.meta.public) return true;
  if (!session.me) return { name: "sign-in", query: { next: to.fullPath } };
  return true;
});

export default router;
