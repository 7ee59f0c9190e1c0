// The admin console in a real browser: Debian's Chromium (installed by the e2e set-up's Chromium step) driven by
// playwright-core against a real keyward-server (in-process, port 0, demo data). Each flow is done by a person's
// means (labels, roles, the keyboard), each screen is checked by axe-core (no serious or critical violation) and
// photographed into docs/console/.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { managementScopes } from "@keyward/contract";
import { createKeywardClient } from "@keyward/sdk";
import { createLogger, type RunningServer, startServer } from "@keyward/server";
import { repoRoot } from "@keyward/testkit";
import { chromiumArgs, chromiumPath } from "@keyward/testkit/setup";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCREENSHOTS = join(repoRoot, "docs", "console");
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server: RunningServer;
let dataDir: string;
let browser: Browser;
let page: Page;
let adminToken: string;
const cspViolations: string[] = [];
/** Uncaught errors in the page: a screen that throws instead of showing a state. */
const pageErrors: string[] = [];
/** Filled by the flows, printed at the end (the budget figures). */
const measured: Record<string, number> = {};
const axeReport: Record<string, number> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "keyward-console-"));
  server = await startServer({
    dataFile: join(dataDir, "keyward.json"),
    seedDemo: true,
    logger: createLogger("silent"),
  });
  if (!server.issuedAdminToken) {
    throw new Error("the server issued no admin token");
  }
  adminToken = server.issuedAdminToken;
  const built = await fetch(`${server.url}/console`);
  if (built.status !== 200) {
    throw new Error(`/console answered ${built.status}: build the console first (npm run build)`);
  }
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) {
    await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `console budget: ${JSON.stringify(measured)}\naxe serious/critical violations per screen: ${JSON.stringify(axeReport)}\n`,
  );
});

/** axe-core in the page (evaluated over the DevTools protocol, so the page's CSP still holds for the app). */
async function expectAccessible(screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  });
  axeReport[screen] = violations.length;
  expect(violations, `axe on ${screen}`).toEqual([]);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function openScreen(name: string, heading = name): Promise<void> {
  await page.getByRole("link", { name }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page
    .getByRole("status")
    .filter({ hasText: /^Loading/ })
    .waitFor({ state: "detached" });
}

const api = (token: string) => createKeywardClient({ baseUrl: server.url, token }, { maxRetries: 0 });
let keyToken = "";

/** Signs in on the sign-in page with `token` (typed, then Enter); the console opens the screen of the address. */
async function signInWith(token: string): Promise<void> {
  await page.getByLabel("Management token").fill(token);
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Management token").waitFor();
}

/** The screen's list says which scope the signed-in token lacks (and the state passes axe). */
async function expectLacksScope(screen: string, scope: string): Promise<void> {
  await openScreen(screen);
  const state = page.getByRole("alert").filter({ hasText: "lacks the scope" });
  expect(await state.textContent()).toContain(`Your token lacks the scope ${scope}`);
  await expectAccessible(`${screen}: lacks ${scope}`);
}

/** A write the token can't make says so in its form, and what was typed stays. */
async function expectWriteRefused(
  action: { open: string; dialog: string; submit: string; scope: string },
  typed: Record<string, string>,
): Promise<void> {
  await page.getByRole("button", { name: action.open }).click();
  const dialog = page.getByRole("dialog", { name: action.dialog });
  for (const [label, value] of Object.entries(typed)) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  await dialog.getByRole("button", { name: action.submit }).click();
  await expect
    .poll(() => dialog.locator(".form-alert").textContent(), { timeout: 10_000 })
    .toContain(`Your token lacks the scope ${action.scope}`);
  for (const [label, value] of Object.entries(typed)) {
    expect(await dialog.getByLabel(label, { exact: true }).inputValue()).toBe(value);
  }
  await expectAccessible(`${action.dialog}: lacks ${action.scope}`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
}

/** The text of the list row whose header cell names `name`. */
const rowText = (name: string) => page.getByRole("row", { name: new RegExp(name) }).textContent();

describe("admin console in Chromium", { timeout: 120_000 }, () => {
  it("when an administrator pastes the admin token (keyboard only), then the API keys screen shows and no token is kept by the page", async () => {
    const started = Date.now();
    await page.goto(`${server.url}/console`);
    const tokenField = page.getByLabel("Management token");
    await tokenField.waitFor();
    measured.firstRenderMs = Number(await page.evaluate(() => document.documentElement.dataset.firstRenderMs));
    measured.loadToSignInMs = Date.now() - started;
    await expectAccessible("sign-in");
    await screenshot("sign-in");

    expect(await tokenField.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(adminToken);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    const stored = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
      cookie: document.cookie,
      html: document.documentElement.outerHTML,
    }));
    for (const place of Object.values(stored)) {
      expect(place).not.toContain(adminToken);
    }
    expect(stored.cookie).not.toContain("keyward_session");
  });

  it("when a role is created in the Roles screen, then it is listed with its permissions", async () => {
    await openScreen("Roles");
    await page.getByRole("button", { name: "New role" }).click();
    const dialog = page.getByRole("dialog", { name: "New role" });
    await dialog.getByLabel("Name").fill("website-reader");
    await dialog.getByRole("checkbox", { name: "events: read" }).check();
    await dialog.getByRole("checkbox", { name: "people: read" }).check();
    await dialog.getByLabel("people field limits").fill("first_name, last_name");
    await expectAccessible("roles-new");
    await screenshot("role-dialog");
    await dialog.getByRole("button", { name: "Create role" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByRole("row", { name: /website-reader/ }).textContent(), { timeout: 10_000 })
      .toContain("people: read (first_name, last_name)");
    await expectAccessible("roles");
    await screenshot("roles");
  });

  it("when an integration user is created with that role, then it is listed and administrators are not offered as key owners", async () => {
    await openScreen("Integration users");
    await page.getByRole("button", { name: "New integration user" }).click();
    const dialog = page.getByRole("dialog", { name: "New integration user" });
    await dialog.getByLabel("Username").fill("website");
    await dialog.getByLabel("Name", { exact: true }).fill("Public website");
    await dialog.getByRole("checkbox", { name: "website-reader" }).check();
    await dialog.getByRole("button", { name: "Create user" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByRole("row", { name: /website/ }).textContent(), { timeout: 10_000 })
      .toContain("website-reader");
    await expectAccessible("users");
    await screenshot("integration-users");
  });

  it("when a key's expiry is in the past, then the error shows next to “Expires at” and nothing typed is lost; fixed, Create shows the token once", async () => {
    await openScreen("API keys");
    await page.getByRole("button", { name: "New API key" }).click();
    const dialog = page.getByRole("dialog", { name: "New API key" });
    await dialog.getByLabel("Name", { exact: true }).fill("website production");
    const owners = await dialog.getByLabel("Owner").locator("option").allTextContents();
    expect(owners.some((owner) => owner.startsWith("admin"))).toBe(false);
    await dialog.getByLabel("Owner").selectOption({ label: "website (Public website)" });
    await dialog.getByLabel("Expires at (UTC)").fill("2020-01-01T00:00");
    await dialog
      .getByRole("group", { name: "Select permissions" })
      .getByRole("checkbox", { name: "events: read" })
      .check();
    await dialog.getByRole("checkbox", { name: "people: read" }).check();
    await dialog.getByLabel("people field limits").fill("first_name, last_name");
    await dialog.getByLabel("Allowed IPs").fill("127.0.0.1/32");
    await dialog.getByRole("button", { name: "Create" }).click();

    const expires = dialog.getByLabel("Expires at (UTC)");
    await expect.poll(() => expires.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    expect(await dialog.locator("[data-field-wrapper=expires_at] .field-error").textContent()).toMatch(/in the future/);
    expect(await dialog.getByLabel("Name", { exact: true }).inputValue()).toBe("website production");
    expect(await dialog.getByLabel("people field limits").inputValue()).toBe("first_name, last_name");
    await expectAccessible("api-key-new-error");
    await screenshot("api-key-field-error");

    await expires.fill("2031-06-30T00:00");
    const clicked = Date.now();
    await dialog.getByRole("button", { name: "Create" }).click();
    const tokenDialog = page.getByRole("dialog", { name: "Your new API key" });
    await tokenDialog.waitFor();
    measured.createToTokenDialogMs = Date.now() - clicked;
    await expect.poll(() => tokenDialog.textContent(), { timeout: 10_000 }).toContain("can't be shown again");
    expect(await tokenDialog.getByRole("button", { name: "Copy" }).isVisible()).toBe(true);
    keyToken = await tokenDialog.getByLabel("Token").inputValue();
    expect(keyToken).toMatch(/^kw_[0-9A-Za-z]{36}$/);
    await expectAccessible("api-key-token");
    await screenshot("api-key-token");
    await tokenDialog.getByRole("button", { name: "Done" }).click();
  });

  it("when the integration calls the API with that token, then events 200, a write 403 and people only the allowed fields", async () => {
    const integration = api(keyToken);
    expect((await integration.GET("/v1/events")).response.status).toBe(200);
    const write = await integration.POST("/v1/events", { body: { name: "Launch", starts_at: "2031-01-01T18:00:00Z" } });
    expect(write.response.status).toBe(403);
    const people = await integration.GET("/v1/people");
    expect(people.response.status).toBe(200);
    const fields = new Set((people.data?.data ?? []).flatMap((person) => Object.keys(person)));
    expect([...fields].sort()).toEqual(["first_name", "id", "last_name"]);
    await page.reload();
    await expect
      .poll(() => page.getByRole("row", { name: /website production/ }).textContent(), { timeout: 10_000 })
      .toContain("active");
    await expectAccessible("api-keys");
    await screenshot("api-keys");
  });

  it("when the key is switched off with the Active toggle and confirmed, then the API answers 401", async () => {
    await page.getByRole("switch", { name: "Active: website production" }).click();
    const confirm = page.getByRole("dialog", { name: "Disable API key" });
    await expectAccessible("api-key-disable-confirm");
    await confirm.getByRole("button", { name: "Disable" }).click();
    await expect
      .poll(() => page.getByRole("row", { name: /website production/ }).textContent(), { timeout: 10_000 })
      .toContain("disabled");
    expect((await api(keyToken).GET("/v1/events")).response.status).toBe(401);
  });

  it("when “Revoke all keys” is confirmed by typing the phrase (keyboard only), then every key is revoked", async () => {
    await page.getByRole("button", { name: "Revoke all keys" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Revoke all keys" });
    await dialog.waitFor();
    const submit = dialog.getByRole("button", { name: "Revoke all keys" });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel("Type REVOKE ALL KEYS to confirm").focus();
    await page.keyboard.type("REVOKE ALL KEYS");
    await expectAccessible("revoke-all");
    await screenshot("revoke-all");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 10_000 }).toContain("keys revoked");
    const { data } = await api(adminToken).GET("/v1/api-keys", { params: { query: { limit: 200 } } });
    expect(data?.data.every((key) => key.status === "revoked")).toBe(true);
  });

  it("when the Settings and Audit log screens are opened, then they show the workspace settings and the refusals", async () => {
    await openScreen("Settings");
    expect(await page.getByLabel("Inactivity days").inputValue()).toBe("90");
    await expectAccessible("settings");
    await screenshot("settings");
    await openScreen("Audit log");
    await page.getByLabel("Action").selectOption("key.refused");
    await expect.poll(() => page.locator("table.data").textContent(), { timeout: 10_000 }).toContain("key_disabled");
    await expectAccessible("audit-log");
    await screenshot("audit-log");
  });

  it("when the administrator signs out and reloads, then the sign-in page shows and the old session is dead on the server", async () => {
    const [cookie] = await page.context().cookies(server.url);
    expect(cookie).toMatchObject({ name: "keyward_session", httpOnly: true, sameSite: "Strict" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Management token").waitFor();
    await page.reload();
    await page.getByLabel("Management token").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Keyward admin console");
    const reused = await fetch(`${server.url}/v1/users`, { headers: { cookie: `keyward_session=${cookie?.value}` } });
    expect(reused.status).toBe(401);
    expect(cspViolations).toEqual([]);
  });
});

describe("management tokens in Chromium", { timeout: 120_000 }, () => {
  let scopedToken = "";

  it("when an expiry in the past is given, then the error shows next to “Expires at” and nothing typed is lost; fixed, a keys:read token is shown once (keyboard only)", async () => {
    await signInWith(adminToken);
    await openScreen("Management tokens");
    expect(await rowText("bootstrap")).toContain("tokens:manage");
    await page.getByRole("button", { name: "New management token" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New management token" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Name").evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("key reader");
    const scopes = dialog.getByRole("group", { name: "Scopes" });
    expect(
      await scopes.getByRole("checkbox").evaluateAll((boxes) => boxes.map((box) => box.getAttribute("value"))),
    ).toEqual([...managementScopes]);
    await scopes.getByRole("checkbox", { name: "keys:read" }).focus();
    await page.keyboard.press("Space");
    await dialog.getByLabel("Expires at (UTC)").fill("2020-01-01T00:00");
    await dialog.getByRole("button", { name: "Create" }).focus();
    await page.keyboard.press("Enter");

    const expires = dialog.getByLabel("Expires at (UTC)");
    await expect.poll(() => expires.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    expect(await dialog.locator("[data-field-wrapper=expires_at] .field-error").textContent()).toMatch(/in the future/);
    expect(await dialog.getByLabel("Name").inputValue()).toBe("key reader");
    expect(await scopes.getByRole("checkbox", { name: "keys:read" }).isChecked()).toBe(true);
    await expectAccessible("management-token-new-error");
    await screenshot("management-token-field-error");

    await expires.fill("");
    await dialog.getByRole("button", { name: "Create" }).click();
    const tokenDialog = page.getByRole("dialog", { name: "Your new management token" });
    await tokenDialog.waitFor();
    await expect.poll(() => tokenDialog.textContent(), { timeout: 10_000 }).toContain("can't be shown again");
    expect(await tokenDialog.getByRole("button", { name: "Copy" }).isVisible()).toBe(true);
    scopedToken = await tokenDialog.getByLabel("Token").inputValue();
    expect(scopedToken).toMatch(/^kwa_[0-9A-Za-z]+$/);
    await expectAccessible("management-token-token");
    await tokenDialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => rowText("key reader"), { timeout: 10_000 }).toMatch(/admin.*kwa_.*keys:read.*Never/);
    await expectAccessible("management-tokens");
    await screenshot("management-tokens");
  });

  it("when that token calls the API, then reading keys is allowed and creating a role is refused for the missing scope", async () => {
    const scoped = api(scopedToken);
    expect((await scoped.GET("/v1/api-keys")).response.status).toBe(200);
    const write = await scoped.POST("/v1/roles", { body: { name: "not-allowed", permissions: [] } });
    expect(write.response.status).toBe(403);
    expect(write.error).toMatchObject({ code: "scope_missing", missing_scope: "roles:write" });
  });

  it("when the console is signed in with that token, then API keys are listed and Roles, Users and Management tokens say which scope it lacks, keeping what was typed", async () => {
    await signOut();
    await signInWith(scopedToken);
    await openScreen("API keys");
    await expect.poll(() => page.locator("table.data tbody tr").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(".list .notice").textContent()).toContain("lacks the scope users:read");
    await expectAccessible("api-keys-keys-read");

    await expectLacksScope("Roles", "roles:read");
    await screenshot("roles-lacks-scope");
    await expectWriteRefused(
      { open: "New role", dialog: "New role", submit: "Create role", scope: "roles:write" },
      { Name: "needs-roles-write" },
    );
    await expectLacksScope("Integration users", "users:read");
    await expectWriteRefused(
      { open: "New integration user", dialog: "New integration user", submit: "Create user", scope: "users:write" },
      { Username: "crm", Name: "CRM" },
    );
    await expectLacksScope("Management tokens", "tokens:manage");
  });

  it("when the administrator revokes that token in the console and confirms, then the API answers 401 with it", async () => {
    await signOut();
    await signInWith(adminToken);
    await openScreen("Management tokens");
    await page
      .getByRole("row", { name: /key reader/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    const confirm = page.getByRole("dialog", { name: "Revoke management token" });
    await expectAccessible("management-token-revoke-confirm");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await confirm.waitFor({ state: "detached" });
    await expect.poll(() => rowText("key reader"), { timeout: 10_000 }).toContain("revoked");
    expect((await api(scopedToken).GET("/v1/api-keys")).response.status).toBe(401);
  });

  it("when the last token with tokens:manage is revoked, then the confirmation says why it can't be and the token keeps working", async () => {
    await page
      .getByRole("row", { name: /bootstrap/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    const confirm = page.getByRole("dialog", { name: "Revoke management token" });
    expect(await confirm.textContent()).toContain("this console is signed in with");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    const alert = confirm.getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toContain("no usable management token with tokens:manage");
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible("management-token-last-manage");
    await screenshot("management-token-last-manage");
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "detached" });
    expect(await rowText("bootstrap")).toContain("active");
    expect((await api(adminToken).GET("/v1/management-tokens")).response.status).toBe(200);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
