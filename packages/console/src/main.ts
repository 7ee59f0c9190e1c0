// The console shell: sign-in, then a navigation between the screens (hash routes, so the server serves one page).
import { resumeSession, type Session, signIn, signOut } from "./api.js";
import { field, h, render } from "./dom.js";
import { apiKeysScreen } from "./screens/api-keys.js";
import { auditLogScreen } from "./screens/audit-log.js";
import { managementTokensScreen } from "./screens/management-tokens.js";
import { rolesScreen } from "./screens/roles.js";
import { settingsScreen } from "./screens/settings.js";
import { usersScreen } from "./screens/users.js";
import { clearProblem, formAlert, showProblem } from "./ui.js";

const SCREENS = {
  "api-keys": { title: "API keys", show: apiKeysScreen },
  users: { title: "Integration users", show: usersScreen },
  roles: { title: "Roles", show: rolesScreen },
  "management-tokens": { title: "Management tokens", show: managementTokensScreen },
  settings: { title: "Settings", show: settingsScreen },
  audit: { title: "Audit log", show: auditLogScreen },
} as const;
type ScreenName = keyof typeof SCREENS;

const app = document.getElementById("app") as HTMLElement;

function screenFromHash(): ScreenName {
  const name = window.location.hash.replace(/^#\/?/, "");
  return name in SCREENS ? (name as ScreenName) : "api-keys";
}

function showSignIn(message?: string): void {
  document.title = "Sign in · Keyward admin console";
  const token = h("input", { type: "password", autocomplete: "off", spellcheck: "false", required: true });
  const submit = h("button", { type: "submit", class: "primary" }, "Sign in");
  const form: HTMLFormElement = h(
    "form",
    {
      class: "sign-in",
      novalidate: true,
      onSubmit: async (event: Event): Promise<void> => {
        event.preventDefault();
        clearProblem(form);
        submit.disabled = true;
        const result = await signIn(token.value.trim()).finally(() => {
          submit.disabled = false;
        });
        if ("problem" in result) {
          return showProblem(form, {
            ...result.problem,
            errors: [{ path: "/body/token", message: result.problem.detail }],
          });
        }
        token.value = "";
        showConsole(result.session);
      },
    },
    h("h1", {}, "Keyward admin console"),
    message ? h("p", { class: "notice", role: "status" }, message) : null,
    formAlert(),
    field(
      "Management token",
      token,
      "token",
      "Paste an admin token (kwa_…). It is exchanged for a short session cookie and not kept by the browser.",
    ),
    h("div", { class: "actions" }, submit),
  );
  render(app, h("main", { class: "sign-in-page" }, form));
  token.focus();
}

function showConsole(session: Session): void {
  // Once per session: a middleware added on every navigation would pile up.
  endOn401(session);
  const main = h("main", { id: "main", tabindex: "-1" });
  const who = h("span", { class: "who" }, `Signed in as ${session.info.user.username}`);
  // Which token the session acts with, so that a screen saying "your token lacks the scope …" is understood.
  void session.client.GET("/v1/management-token").then(({ data }) => {
    if (data) {
      who.textContent = `Signed in as ${session.info.user.username} with the token “${data.name}”`;
    }
  });
  const links = (Object.keys(SCREENS) as ScreenName[]).map((name) =>
    h("a", { href: `#/${name}`, "data-screen": name }, SCREENS[name].title),
  );
  const show = () => {
    const name = screenFromHash();
    for (const link of links) {
      if (link.dataset.screen === name) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    }
    document.title = `${SCREENS[name].title} · Keyward admin console`;
    SCREENS[name].show(session, main);
  };
  render(
    app,
    h(
      "a",
      {
        href: "#main",
        class: "skip-link",
        onClick: (event: Event) => {
          event.preventDefault();
          main.focus();
        },
      },
      "Skip to content",
    ),
    h(
      "header",
      { class: "top" },
      h("span", { class: "brand" }, "Keyward"),
      h(
        "nav",
        { "aria-label": "Console" },
        h(
          "ul",
          {},
          links.map((link) => h("li", {}, link)),
        ),
      ),
      who,
      h(
        "button",
        {
          type: "button",
          onClick: async () => {
            await signOut(session);
            window.removeEventListener("hashchange", show);
            showSignIn("You are signed out.");
          },
        },
        "Sign out",
      ),
    ),
    main,
    h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" }),
  );
  window.addEventListener("hashchange", show);
  show();
}

/** Any 401 means the session is over (expired, signed out elsewhere, admin deactivated): back to sign-in. */
function endOn401(session: Session): void {
  session.client.use({
    onResponse({ response }) {
      if (response.status === 401) {
        for (const dialog of document.querySelectorAll("dialog")) {
          dialog.close();
        }
        showSignIn("Your session has ended. Sign in again.");
      }
    },
  });
}

const started = performance.now();
resumeSession().then(
  (session) => {
    if (session) {
      showConsole(session);
    } else {
      showSignIn();
    }
    document.documentElement.dataset.firstRenderMs = String(Math.round(performance.now() - started));
  },
  () => showSignIn("The server could not be reached."),
);
