// What a reader sees: the built guide in headless Chromium, in all five mdBook themes.
//
// Builds the guide and a hostile fixture with the release binary, serves them on loopback, and
// checks that every finding box is visible and placed after its block, that blocks wrong on
// purpose are labelled before the block without a copy button, that links to the rule reference
// resolve, that block text never executes, and that `serve` reloads an open page after a change.
// Writes one screenshot per theme of the troubleshooting page to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const binary = process.env.CONFIGCHECK_BIN ?? path.join(root, 'target/release/mdbook-configcheck');
const screenshots = path.join(root, 'target/screenshots');
const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];

let browser;
let scratch;
const servers = [];

function build(book, name) {
  const out = path.join(scratch, name);
  execFileSync(binary, ['build', book, '-d', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return out;
}

function serve(dir) {
  const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/** The troubleshooting page: the page with the most teaching boxes. */
function troubleshootingPage(dir) {
  const pages = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html') && !f.startsWith('print'));
  const scored = pages.map((f) => [f, (fs.readFileSync(path.join(dir, f), 'utf8').match(/configcheck configcheck-teaching/g) ?? []).length]);
  scored.sort((a, b) => b[1] - a[1]);
  assert.ok(scored[0] && scored[0][1] > 0, 'the guide has a page with expected findings');
  return scored[0][0];
}

let guide;
let hostile;
let page;

before(async () => {
  assert.ok(fs.existsSync(binary), `build the tool first: cargo build --release -p mdbook-configcheck (${binary})`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-browser-'));
  const guideDir = build(process.env.GUIDE_BOOK ?? root, 'guide');
  const hostileDir = build(path.join(import.meta.dirname, 'hostile'), 'hostile');
  page = troubleshootingPage(guideDir);
  guide = await serve(guideDir);
  hostile = await serve(hostileDir);
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const theme of THEMES) {
  test(`finding boxes are readable and follow their block in the ${theme} theme`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('mdbook-theme', t), theme);
    const tab = await context.newPage();
    await tab.goto(`${guide}/${page}`);
    assert.ok(await tab.evaluate((t) => document.documentElement.classList.contains(t), theme), `${theme} applied`);
    const boxes = await tab.evaluate(() => [...document.querySelectorAll('div.configcheck')].map((box) => {
      const rect = box.getBoundingClientRect();
      // The block is the nearest earlier <pre>, or the one inside the wrapper that marks its lines.
      let previous = box.previousElementSibling;
      while (previous && previous.tagName !== 'PRE' && !previous.matches('.configcheck-marked, .configcheck-wrong')) previous = previous.previousElementSibling;
      if (previous && previous.matches('.configcheck-marked, .configcheck-wrong')) previous = previous.querySelector('pre');
      const style = getComputedStyle(box);
      const item = box.querySelector('li') ?? box;
      return {
        height: rect.height,
        top: rect.top + window.scrollY,
        visible: style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 100,
        blockBottom: previous ? previous.getBoundingClientRect().bottom + window.scrollY : null,
        fg: getComputedStyle(item).color,
        bg: style.backgroundColor,
        text: box.textContent,
      };
    }));
    assert.ok(boxes.length >= 4, `troubleshooting boxes on ${page}: ${boxes.length}`);
    for (const box of boxes) {
      assert.ok(box.visible && box.height > 20, `visible: ${box.text.slice(0, 80)}`);
      assert.ok(box.blockBottom !== null && box.blockBottom <= box.top + 1, `after its block: ${box.text.slice(0, 80)}`);
      const bg = box.bg === 'rgba(0, 0, 0, 0)' ? await tab.evaluate(() => getComputedStyle(document.body).backgroundColor) : box.bg;
      assert.ok(contrast(box.fg, bg) >= 4.5, `text contrast ${contrast(box.fg, bg).toFixed(2)} in ${theme}`);
    }
    assert.ok(boxes.some((b) => b.text.includes('What goes wrong in the block above (on purpose)')), 'expected findings are explained');
    // Offending lines are tinted inside their code block.
    const marked = await tab.evaluate(() => [...document.querySelectorAll('.configcheck-marked pre > code')].map((c) => getComputedStyle(c).backgroundImage));
    assert.ok(marked.length > 0 && marked.every((b) => b.includes('gradient')), `marked lines: ${marked.length}`);
    const first = tab.locator('div.configcheck').first();
    await first.scrollIntoViewIfNeeded();
    await tab.evaluate(() => window.scrollBy(0, -320));
    await tab.screenshot({ path: path.join(screenshots, `troubleshooting-${theme}.png`) });
    await context.close();
  });
}

for (const theme of THEMES) {
  test(`blocks wrong on purpose are labelled before the block, in the warning colour, without a copy button, in the ${theme} theme`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('mdbook-theme', t), theme);
    const tab = await context.newPage();
    await tab.goto(`${guide}/${page}`);
    await tab.waitForLoadState('load');
    assert.ok(await tab.evaluate((t) => document.documentElement.classList.contains(t), theme), `${theme} applied`);
    const wrong = await tab.evaluate(() => {
      const rgb = (colour) => {
        const probe = document.createElement('span');
        probe.style.color = colour;
        document.body.append(probe);
        const value = getComputedStyle(probe).color;
        probe.remove();
        return value;
      };
      const warning = rgb('var(--blockquote-warning-color)');
      const tip = rgb('var(--blockquote-tip-color)');
      return [...document.querySelectorAll('.configcheck-wrong')].map((wrapper) => {
        const label = wrapper.querySelector('.configcheck-wrong-label');
        const pre = wrapper.querySelector('pre');
        const labelRect = label?.getBoundingClientRect();
        const visibleButtons = [...wrapper.querySelectorAll('button')].filter((b) => {
          const r = b.getBoundingClientRect();
          return getComputedStyle(b).display !== 'none' && r.width > 0 && r.height > 0;
        });
        // The label's colour over its tint (a translucent warning colour) over the page.
        const channels = (c) => {
          const srgb = c.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/);
          if (srgb) return [...srgb.slice(1, 4).map((v) => Number(v) * 255), srgb[4] === undefined ? 1 : Number(srgb[4])];
          const [r, g, b, a] = c.match(/[\d.]+/g).map(Number);
          return [r, g, b, a ?? 1];
        };
        const page = channels([document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor).find((c) => channels(c)[3] > 0) ?? 'rgb(255, 255, 255)');
        const tint = label ? channels(getComputedStyle(label).backgroundColor) : [0, 0, 0, 0];
        const blended = [0, 1, 2].map((i) => tint[i] * tint[3] + page[i] * (1 - tint[3]));
        return {
          labelBg: `rgb(${blended.map(Math.round).join(', ')})`,
          label: label?.textContent ?? null,
          labelVisible: !!labelRect && labelRect.height > 10 && getComputedStyle(label).visibility !== 'hidden',
          labelAbove: !!labelRect && !!pre && labelRect.bottom <= pre.getBoundingClientRect().top + 1,
          fg: label ? getComputedStyle(label).color : null,
          border: getComputedStyle(wrapper).borderLeftColor,
          warning,
          tip,
          clipButtons: wrapper.querySelectorAll('.clip-button').length,
          visibleCopy: visibleButtons.filter((b) => /copy/i.test(b.title)).length,
          text: pre?.textContent.slice(0, 60) ?? '',
        };
      });
    });
    assert.ok(wrong.length >= 4, `blocks wrong on purpose on ${page}: ${wrong.length}`);
    for (const w of wrong) {
      assert.equal(w.label, '\u26A0 Wrong on purpose \u2014 do not copy', `label of ${w.text}`);
      assert.ok(w.labelVisible && w.labelAbove, `label visible and above the block: ${w.text}`);
      assert.ok(contrast(w.fg, w.labelBg) >= 4.5, `label contrast ${contrast(w.fg, w.labelBg).toFixed(2)} in ${theme}`);
      assert.equal(w.border, w.warning, `warning colour in ${theme}: ${w.text}`);
      assert.notEqual(w.border, w.tip, 'not the tip colour');
      assert.equal(w.clipButtons, 0, `no copy button: ${w.text}`);
      assert.equal(w.visibleCopy, 0, `no visible copy button: ${w.text}`);
    }
    // A block that is right keeps its copy button (the page has one, outside any wrong block).
    const rightCopy = await tab.evaluate(() => [...document.querySelectorAll('pre .clip-button')].filter((b) => !b.closest('.configcheck-wrong')).length);
    assert.ok(rightCopy > 0, 'correct blocks keep their copy button');
    await context.close();
  });
}

test('near-identical broken copies show what differs and fold the rest behind mdBook\'s eye button', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${guide}/${page}`);
  await tab.waitForLoadState('load');
  const folded = await tab.evaluate(() => [...document.querySelectorAll('.configcheck-wrong code.hide-boring')].map((code) => {
    const boring = [...code.querySelectorAll('.boring')];
    return {
      hidden: boring.length,
      allHidden: boring.every((b) => getComputedStyle(b).display === 'none'),
      hint: !!code.closest('.configcheck-wrong').querySelector('.configcheck-fold-hint'),
      folded: getComputedStyle(code).backgroundImage,
      lines: code.innerText.split('\n').length,
    };
  }));
  assert.ok(folded.length >= 5, `folded blocks on ${page}: ${folded.length}`);
  for (const f of folded) {
    assert.ok(f.hidden > 0 && f.allHidden && f.hint, JSON.stringify(f));
  }
  // The eye button shows every line; the tints follow the unfolded positions again.
  const index = await tab.evaluate(() => [...document.querySelectorAll('.configcheck-wrong')].findIndex((w) => w.querySelector('code.hide-boring')));
  const wrapper = tab.locator('.configcheck-wrong').nth(index);
  const code = wrapper.locator('code');
  const before = (await code.innerText()).split('\n').length;
  await wrapper.locator('pre').hover();
  await wrapper.locator('button[title="Show hidden lines"]').click();
  const after = (await code.innerText()).split('\n').length;
  assert.ok(after > before, `revealed: ${before} -> ${after} lines`);
  assert.equal(await code.evaluate((c) => c.classList.contains('hide-boring')), false);
  await tab.close();
});

test('every finding links to its entry in the rule reference', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${guide}/${page}`);
  const links = await tab.evaluate(() => [...document.querySelectorAll('div.configcheck a[href]')].map((a) => a.href));
  assert.ok(links.length > 0, 'rule ids are links');
  for (const href of new Set(links)) {
    const url = new URL(href);
    const response = await fetch(url);
    assert.equal(response.status, 200, href);
    const html = await response.text();
    assert.ok(html.includes(`id="${url.hash.slice(1)}"`), `anchor ${url.hash} exists`);
  }
  await tab.close();
});

test('hostile block content is shown as text and never executes', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${hostile}/hostile.html`);
  await tab.waitForTimeout(300);
  // Each payload in hostile.md sets window.__pwned if it runs.
  assert.equal(await tab.evaluate(() => window.__pwned), undefined, 'no injected code ran');
  const text = await tab.locator('div.configcheck').first().textContent();
  assert.ok(text.includes('<script>'), 'the script tag is shown as text');
  assert.equal(await tab.locator('div.configcheck script, div.configcheck img, div.configcheck svg').count(), 0);
  await tab.close();
});

test('serve rebuilds with the checks and the open page reloads itself after a change', async () => {
  const book = path.join(scratch, 'served');
  fs.cpSync(path.join(import.meta.dirname, 'hostile'), book, { recursive: true });
  fs.rmSync(path.join(book, 'book'), { recursive: true, force: true });
  const probe = http.createServer();
  const port = await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(probe.address().port)));
  await new Promise((resolve) => probe.close(resolve));
  const served = spawn(binary, ['serve', book, '-n', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  served.stderr.on('data', (chunk) => { log += chunk; });
  try {
    const deadline = Date.now() + 60000;
    while (!log.includes('Serving on')) {
      assert.ok(Date.now() < deadline && served.exitCode === null, `serve started: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/hostile.html`);
    assert.ok(await tab.locator('div.configcheck').count() > 0, 'the checks are in the served page');
    await tab.waitForTimeout(500); // the page's script connects to /__livereload
    const chapter = path.join(book, 'src', 'hostile.md');
    const reloaded = tab.waitForEvent('load', { timeout: 60000 });
    fs.appendFileSync(chapter, '\nA paragraph added while serving.\n');
    await reloaded;
    assert.ok((await tab.content()).includes('A paragraph added while serving.'), 'the page shows the change');
    await tab.close();
  } finally {
    served.kill();
  }
});
