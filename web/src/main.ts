import { createApp } from "vue";
import App from "./App.vue";
import { whenUnauthenticated } from "./api/client";
import { i18n } from "./i18n";
import router from "./router";
import { session } from "./shell/session";

whenUnauthenticated(() => {
  session.me = null;
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.replace({ name: "sign-in", query: { next: here.fullPath, expired: "1" } });
});

createApp(App).use(i18n).use(router).mount("#app");
