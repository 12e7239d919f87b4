// Shared browser helpers: the system Chromium (never a downloaded one), sign-in, screenshots.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

export const BASE = process.env.FAULTLINE_URL ?? "http://127.0.0.1:8095";
export const ADMIN_PASSWORD = process.env.FAULTLINE_ADMIN_PASSWORD;
export const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A fresh page (its own cookies) at tablet size unless told otherwise, in an English browser unless told otherwise. */
export async function page(b, viewport = { width: 1024, height: 768 }, locale = "en-US") {
  const context = await b.newContext({ viewport, baseURL: BASE, locale });
  return context.newPage();
}

export async function signIn(p, username, password) {
  await p.goto("/login");
  await p.getByLabel("User name").fill(username);
  await p.getByLabel("Password").fill(password);
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function shot(p, name) {
  await p.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}
