// Headless Chromium for the end-to-end harness (tests/e2e/harness.py), driven over stdin/stdout.
//
// One JSON request per line on stdin, one JSON answer per line on stdout ({id, ok, result} or
// {id, ok: false, error}); diagnostics go to stderr. The browser is launched once and reused; each
// scenario gets a fresh context (no cookies, no cache). Uses playwright-core from tests/browser,
// as the guide's browser test does, with Debian's /usr/bin/chromium.
//
// Commands:
//   launch  {executablePath, args}          start Chromium
//   context {}                              a new, empty browser context (closes the previous one)
//   goto    {url}                           open a URL; answers a snapshot of the page
//   sso     {url, username, password}       open NetBox's login page at url, press the single
//                                           sign-on button, sign in at Authentik's login form if it
//                                           appears; answers every step with the navigations seen
//           (signIn: false stops at Authentik's login form); the button is NetBox 4.7's POST form
//           or NetBox 4.6's link (trace.buttonKind says which)
//
// Authentik's pages: the harness runs Authentik's core without its built web UI, so the browser
// announces itself as a PKeyAuth client (a user agent Authentik serves its simplified flow executor
// to, authentik/flows/views/interface.py): Authentik's own identification and password forms,
// rendered by the SFE bundle from the flow executor API, are what the browser fills in.
//   authorize {url, username, password}     open an authorize URL, sign in at Authentik's form
//   localLogin {url, username, password}    submit NetBox's local login form
//   logout  {}                              open NetBox's user menu and press "Log Out"
//   quit    {}

import readline from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const TIMEOUT = 30000;
let browser = null;
let context = null;
let page = null;
let trace = null;
let userAgent = undefined; // the browser's own, plus PKeyAuth (see the header)

function log(message) {
  process.stderr.write(`[browser] ${message}\n`);
}

function newTrace() {
  return { steps: [], navigations: [], begin: null, failures: [], console: [] };
}

function attach(p) {
  p.on('response', (response) => {
    if (!trace) return;
    const request = response.request();
    let path = '';
    try {
      path = new URL(response.url()).pathname;
    } catch {
      path = '';
    }
    if (request.frame() === p.mainFrame() && request.isNavigationRequest()) {
      trace.navigations.push({ method: request.method(), url: response.url(), status: response.status(), location: response.headers().location ?? null });
    }
    if (path.includes('/oauth/begin/')) {
      trace.begin = { method: request.method(), url: response.url(), status: response.status(), type: response.headers()['content-type'] ?? null };
    }
  });
  p.on('requestfailed', (request) => {
    if (trace && request.isNavigationRequest()) trace.failures.push({ url: request.url(), error: request.failure()?.errorText ?? 'failed' });
  });
  p.on('console', (message) => {
    if (trace && message.type() === 'error') trace.console.push(message.text().slice(0, 300));
  });
}

/** What the page shows now: URL, HTTP status of the document, title, text, signed-in user. */
async function snapshot(step) {
  const url = page.url();
  const nav = [...trace.navigations].reverse().find((n) => n.url === url);
  const title = await page.title().catch(() => '');
  const text = await page.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
  const menu = page.locator('[aria-label="Open user menu"]:visible');
  const user = (await menu.count().catch(() => 0)) ? await menu.first().innerText({ timeout: 1000 }).catch(() => null) : null;
  const ssoError = await page.locator('#sso-error').first().isVisible().catch(() => false);
  const shot = { step, url, status: nav ? nav.status : null, title, text: text.replace(/\s+\n/g, '\n').slice(0, 3000), user: user ? user.trim().split('\n')[0].trim() : null, ssoErrorVisible: ssoError };
  trace.steps.push(shot);
  return shot;
}

async function waitForChange(before, extra = []) {
  const changed = page.waitForURL((u) => u.href !== before, { waitUntil: 'load', timeout: TIMEOUT }).then(() => 'navigated');
  const outcome = await Promise.race([changed, ...extra]).catch((e) => `timeout: ${e.message.split('\n')[0]}`);
  await page.waitForLoadState('load', { timeout: 5000 }).catch(() => {});
  return outcome;
}

/** On an Authentik flow page, wait until the SFE has rendered what the flow executor answered
 *  (it shows "Loading..." until then). */
async function settleFlowPage() {
  if (!(await page.locator('#flow-sfe-container').count())) return;
  await page
    .waitForFunction(() => {
      const box = document.querySelector('#flow-sfe-container');
      return box && box.innerText.trim() !== '' && !box.innerText.includes('Loading...');
    }, null, { timeout: 10000 })
    .catch(() => {});
}

/** Authentik's identification form (the SFE renders it after its first API call), if the page shows one. */
async function authentikForm() {
  if (!(await page.locator('#flow-sfe-container').count())) return false; // not a flow page (an error page, say)
  const ident = page.locator('#ident-form input[name="uid_field"]');
  await ident.first().waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
  return (await ident.count()) > 0;
}

/** Authentik's login: the identification form, then (if the flow asks separately) the password form;
 *  follow where the flow leads. */
async function signInAtForm(username, password) {
  if (!(await authentikForm())) return;
  const atForm = page.url();
  await page.locator('#ident-form input[name="uid_field"]').first().fill(username);
  const inline = page.locator('#ident-form input[name="password"]');
  if (await inline.count()) await inline.first().fill(password);
  const left = page.waitForURL((u) => u.href !== atForm, { waitUntil: 'load', timeout: TIMEOUT }).then(() => 'navigated');
  await page.locator('#ident-form button[type="submit"]').first().click();
  if (!(await inline.count())) {
    const passwordForm = page.locator('#password-form input[name="password"]');
    const next = await Promise.race([
      passwordForm.first().waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'password'),
      left,
    ]).catch((e) => `timeout: ${e.message.split('\n')[0]}`);
    if (next === 'password') {
      await passwordForm.first().fill(password);
      await page.locator('#password-form button[type="submit"]').first().click();
    }
  }
  trace.afterSignIn = await left.catch((e) => `timeout: ${e.message.split('\n')[0]}`);
  await page.waitForLoadState('load', { timeout: 5000 }).catch(() => {});
  await snapshot('after signing in at Authentik');
}

const commands = {
  async launch({ executablePath, args }) {
    browser = await chromium.launch({ executablePath, args, timeout: 60000 });
    const probe = await browser.newPage();
    userAgent = `${await probe.evaluate(() => navigator.userAgent)} PKeyAuth/1.0`;
    await probe.close();
    return { version: browser.version(), userAgent };
  },

  async context() {
    if (context) await context.close().catch(() => {});
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    attach(page);
    return {};
  },

  async goto({ url }) {
    trace = newTrace();
    const response = await page.goto(url, { waitUntil: 'load' }).catch((e) => {
      trace.failures.push({ url, error: e.message.split('\n')[0] });
      return null;
    });
    const shot = await snapshot('open');
    if (response && shot.status === null) shot.status = response.status();
    return trace;
  },

  async sso({ url, username, password, signIn = true }) {
    trace = newTrace();
    const first = await page.goto(url, { waitUntil: 'load' }).catch((e) => {
      trace.failures.push({ url, error: e.message.split('\n')[0] });
      return null;
    });
    const login = await snapshot('login page');
    if (first && login.status === null) login.status = first.status();
    if (!first || first.status() !== 200) return trace;
    // NetBox 4.7: a POST form per backend (form.sso-login-form); NetBox 4.6 and older: a link to
    // /oauth/login/<backend>/ (a GET).
    const form = page.locator('form.sso-login-form button[type="submit"]');
    const link = page.locator('a[href*="/oauth/login/"]');
    const button = (await form.count()) ? form : link;
    if ((await button.count()) === 0) {
      trace.error = 'the login page has no single sign-on button (form.sso-login-form, or a link to /oauth/login/)';
      return trace;
    }
    trace.buttonKind = (await form.count()) ? 'form' : 'link';
    trace.button = (await button.first().innerText()).trim();
    const before = page.url();
    // 4.6's link may lead straight back to the login page (a failure before Authentik, shown as a
    // toast that hides itself after 10 s): the next document counts, whatever its URL.
    const navigated = trace.buttonKind !== 'link' ? null : page
      .waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: TIMEOUT })
      .then(() => page.waitForLoadState('load', { timeout: TIMEOUT }))
      .then(() => 'navigated', (e) => `timeout: ${e.message.split('\n')[0]}`);
    await button.first().click();
    trace.afterButton = await waitForChange(before, [
      page.locator('#sso-error').waitFor({ state: 'visible', timeout: TIMEOUT }).then(() => 'sso-error'),
      ...(navigated ? [navigated] : []),
    ]);
    if (new URL(page.url()).origin !== new URL(before).origin) await authentikForm();
    await snapshot('after the sign-on button');
    // Sign in only at the identity provider: a page of another origin than NetBox's login page.
    if (signIn && new URL(page.url()).origin !== new URL(before).origin) await signInAtForm(username, password);
    return trace;
  },

  async authorize({ url, username, password }) {
    trace = newTrace();
    const response = await page.goto(url, { waitUntil: 'load' }).catch((e) => {
      trace.failures.push({ url, error: e.message.split('\n')[0] });
      return null;
    });
    await authentikForm();
    const shot = await snapshot('authorize');
    if (response && shot.status === null) shot.status = response.status();
    await signInAtForm(username, password);
    return trace;
  },

  async localLogin({ url, username, password }) {
    trace = newTrace();
    await page.goto(url, { waitUntil: 'load' });
    await snapshot('login page');
    await page.locator('#id_username').fill(username);
    await page.locator('#id_password').fill(password);
    // The form posts to the page's own URL: wait for the next document, whatever its URL.
    const next = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: TIMEOUT });
    await page.locator('form:has(#id_username) button[type="submit"]').first().click();
    trace.afterSubmit = await next.then(() => 'navigated').catch((e) => `timeout: ${e.message.split('\n')[0]}`);
    await page.waitForLoadState('load', { timeout: 5000 }).catch(() => {});
    await snapshot('after submitting the local login form');
    return trace;
  },

  async logout() {
    trace = newTrace();
    const before = page.url();
    await page.locator('[aria-label="Open user menu"]:visible').first().click();
    // The page has a second, hidden copy of the menu (for narrow screens): take the visible one.
    const item = page.locator('a.dropdown-item[href$="/logout/"]:visible').first();
    await item.waitFor({ state: 'visible', timeout: 5000 });
    trace.via = 'the user menu';
    await item.click();
    trace.afterLogout = await waitForChange(before);
    await settleFlowPage();
    await snapshot('after Log Out');
    return trace;
  },

  async quit() {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    setImmediate(() => process.exit(0));
    return {};
  },
};

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: null, ok: false, error: `bad request: ${e.message}` }) + '\n');
    continue;
  }
  const handler = commands[request.cmd];
  let answer;
  try {
    if (!handler) throw new Error(`unknown command ${request.cmd}`);
    answer = { id: request.id, ok: true, result: await handler(request) };
  } catch (e) {
    log(`${request.cmd}: ${e.stack ?? e}`);
    answer = { id: request.id, ok: false, error: String(e.message ?? e).split('\n').slice(0, 3).join(' '), trace };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
if (browser) await browser.close().catch(() => {});
