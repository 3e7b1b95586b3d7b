// End-to-end browser tests of the portal: a fresh demo database, a real
// `ponte serve` on a loopback port, Debian's Chromium driven by
// playwright-core. The Italian and the Chinese demo participants find each
// other in their recommendations, one requests a meeting and the other
// accepts; the organizer runs the scheduler and publishes the timetable;
// both see the meeting in their agendas with its table (and interpreter);
// the .ics download parses. Screenshots of the main pages in it, en and zh at
// 1280 and 375 px go to the artifacts directory. Any console error fails.
//
//   node tests/e2e/run.mjs --ponte build/ponte [--artifacts build/e2e-artifacts] [--only news|reports|outcomes]
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { parseIcs } from "./ics.mjs";

const EVENT = "icstiw-2026";
const PASSWORD = "ponte-demo-2026";
const ACCOUNTS = {
  giulia: "giulia.rossi@ponte.demo",
  li: "li.wei@ponte.demo",
  organizer: "organizer@ponte.demo",
  support: "support@ponte.demo",
};

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const ponte = path.resolve(argument("--ponte", "build/ponte"));
const artifacts = path.resolve(argument("--artifacts", "build/e2e-artifacts"));
const chromiumPath = argument("--chromium", process.env.CHROMIUM || "/usr/bin/chromium");
const started = Date.now();
const failures = [];
const consoleErrors = [];

function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${s}s] ${message}`);
}

function check(condition, message) {
  if (condition) {
    log(`ok   ${message}`);
  } else {
    log(`FAIL ${message}`);
    failures.push(message);
  }
}

async function startServer(db) {
  const child = spawn(ponte, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--log-level", "warn"],
                      { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("ponte serve did not start:\n" + stderr)), 30000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on("exit", (code) => reject(new Error(`ponte serve exited with ${code}:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

// A browser context for one person, failing on console errors.
async function personOf(browser, base, who, options = {}) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 900 },
    locale: options.browserLocale || "en-US",
    timezoneId: options.timezoneId || "Europe/Rome",
  });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(`${who}: ${msg.text()} (${page.url()})`);
  });
  page.on("pageerror", (err) => consoleErrors.push(`${who}: ${err.message} (${page.url()})`));
  return { context, page, who };
}

async function signIn(person, email) {
  const { page } = person;
  await page.goto("/login");
  await page.getByLabel(/e-mail|电子邮箱/i).fill(email);
  await page.locator("#password").fill(PASSWORD);
  // One event: its page; several (the demo's organizer also runs the past
  // editions): the home page listing them.
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"),
                     page.locator("form[action='/login'] button").click()]);
}

async function me(person) {
  const r = await person.page.request.get("/api/v1/me");
  return r.json();
}

function organizationOf(user) {
  const m = (user.memberships || []).find((x) => x.organization);
  return m ? m.organization : null;
}

async function shoot(page, name, width) {
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true });
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "ponte-e2e-"));
  const db = path.join(work, "demo.db");
  log(`building the demo database in ${db}`);
  execFileSync(ponte, ["demo", "--db", db, "--no-serve"], { stdio: ["ignore", "ignore", "inherit"] });
  const server = await startServer(db);
  log(`ponte serving at ${server.url}`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // --only news|reports|outcomes: just those steps (quick to run while working on them).
    const only = argument("--only", "");
    if (!only) await scenario(browser, server.url);
    if (!only || only === "news") await newsScenario(browser, server.url);
    if (!only || only === "reports") await reports(browser, server.url);
    if (!only || only === "outcomes") await outcomeSteps(browser, server.url);
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
}

async function scenario(browser, base) {
  const giulia = await personOf(browser, base, "giulia", { browserLocale: "it-IT" });
  const li = await personOf(browser, base, "li", { browserLocale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const organizer = await personOf(browser, base, "organizer", { timezoneId: "Europe/Rome" });

  // Sign-in page and its language switch.
  await giulia.page.goto("/login");
  check(await giulia.page.locator("html").getAttribute("lang") !== null, "sign-in page has a language");
  await giulia.page.locator("button[name=lang][value=it]").click();
  check(await giulia.page.locator("html").getAttribute("lang") === "it", "language switch to Italian");

  await signIn(giulia, ACCOUNTS.giulia);
  await signIn(li, ACCOUNTS.li);
  await signIn(organizer, ACCOUNTS.organizer);
  check(await li.page.locator("html").getAttribute("lang") === "zh", "Li Wei's portal is in Chinese");
  const giuliaOrg = organizationOf(await me(giulia));
  const liOrg = organizationOf(await me(li));
  check(giuliaOrg && liOrg, `both participants act for an organization (${giuliaOrg}, ${liOrg})`);

  // They find each other in their recommendations.
  await giulia.page.goto(`/events/${EVENT}/recommendations`);
  const liCard = giulia.page.locator(`li.result[data-org="${liOrg}"]`);
  check(await liCard.count() === 1, "Giulia's recommendations include Li Wei's organization");
  check(await giulia.page.locator("li.result .why li").count() > 0, "recommendations give reasons");
  await li.page.goto(`/events/${EVENT}/recommendations`);
  check(await li.page.locator(`li.result[data-org="${giuliaOrg}"]`).count() === 1,
        "Li Wei's recommendations include Giulia's organization");

  // Giulia asks for a meeting, keyboard first: open the form, fill it, send.
  await liCard.locator("summary").focus();
  await giulia.page.keyboard.press("Enter");
  await liCard.locator("select[name=preference]").selectOption("must");
  await liCard.locator("textarea[name=message]").fill("Buongiorno! 很高兴认识您。Parliamo di robotica?");
  await Promise.all([giulia.page.waitForURL(/\/requests/), liCard.locator("button[type=submit]").click()]);
  check(await giulia.page.locator("li.request-item[data-status=pending]").count() >= 1,
        "Giulia sees her pending request");

  // Li Wei accepts it.
  await li.page.goto(`/events/${EVENT}/requests`);
  const incoming = li.page.locator(`li.request-item[data-status=pending][data-from="${giuliaOrg}"]`,
                                   { hasText: "robotica" });
  check(await incoming.count() === 1, "Li Wei sees Giulia's request with the message");
  await incoming.locator("form[action$='/accept'] button").click();
  const accepted = li.page.locator(`li.request-item[data-status=accepted][data-from="${giuliaOrg}"]`);
  await accepted.waitFor({ timeout: 10000 }).catch(() => {});
  check(await accepted.count() === 1, "the request is accepted");

  // Catalogue: full-text search in Chinese and in Italian, and a filter.
  for (const q of ["机器人", "robotica"]) {
    await li.page.goto(`/events/${EVENT}/catalogue?q=${encodeURIComponent(q)}`);
    check(await li.page.locator("ul.results > li").count() > 0, `catalogue search "${q}" finds organizations`);
  }
  await li.page.goto(`/events/${EVENT}/catalogue`);
  await li.page.locator("#f-country").selectOption("IT");
  await li.page.locator(".filters button[type=submit]").click();
  await li.page.waitForURL(/country=IT/);
  check(await li.page.locator("ul.results > li").count() > 0, "catalogue filter by country");

  // The organizer runs the scheduler and publishes.
  await organizer.page.goto(`/events/${EVENT}/schedule`);
  await organizer.page.locator("#time-limit").fill("2");
  const runAt = Date.now();
  await organizer.page.locator("#run").click();
  await organizer.page.locator(".job progress").waitFor({ timeout: 10000 }).catch(() => {});
  check(await organizer.page.locator(".job").count() === 1, "the scheduling job shows its progress");
  const publish = organizer.page.locator("#publish");
  await publish.waitFor({ state: "visible", timeout: 90000 });
  check(true, `the scheduling job finished in ${((Date.now() - runAt) / 1000).toFixed(1)} s`);
  await Promise.all([organizer.page.waitForURL(/published=/), publish.click()]);
  check(await organizer.page.locator("table.meetings tbody tr").count() > 0, "the timetable is published");

  // Moving a meeting onto another one's table is refused, and the page says why.
  const rows = organizer.page.locator("table.meetings tbody tr");
  const second = rows.nth(1);
  const slot = await second.locator("input[name=slot]").inputValue();
  const table = await second.locator("input[name=table]").inputValue();
  const session = await second.locator("select[name=session]").inputValue();
  const first = rows.nth(0);
  await first.locator("summary").click();
  await first.locator("select[name=session]").selectOption(session);
  await first.locator("input[name=slot]").fill(slot);
  await first.locator("input[name=table]").fill(table);
  await first.locator("form[action$='/move'] button").click();
  await organizer.page.waitForLoadState();
  const conflict = organizer.page.locator("main .error[role=alert]");
  await conflict.waitFor({ timeout: 10000 }).catch(() => {});
  check(await conflict.count() === 1, `a conflicting move is refused: ${(await conflict.textContent().catch(() => "")) || "no message"}`);

  // On site: a meeting marked as a no-show.
  const marked = organizer.page.locator("table.meetings tbody tr").nth(2);
  const markedId = await marked.getAttribute("data-meeting");
  await marked.locator("summary").click();
  await marked.locator("select[name=status]").selectOption("no_show");
  await Promise.all([organizer.page.waitForURL(/\/schedule$/),
                     marked.locator("form[action$='/status'] button").click()]);
  check(await organizer.page.locator(`tr[data-meeting="${markedId}"][data-status=no_show]`).count() === 1,
        "a meeting is marked as a no-show");

  // On site: a walk-in between two organizations, from the first session on
  // (the demo event may lie in the past); the page shows the slot and table it
  // got, or the reason when a pair cannot meet.
  let walkIn = null;
  const walkOptions = await organizer.page.locator("#walk-a option").evaluateAll(
    (os) => os.map((o) => o.value));
  // The pairs (and, when a session is full, the later sessions) are tried in
  // turn: how full a session is depends on the scheduler's 2 s.
  const walkPairs = [[0, walkOptions.length - 1], [1, walkOptions.length - 2], [2, 3]];
  const walkFrom = await organizer.page.locator("#walk-from option").count();
  for (const [i, j] of walkPairs) {
    if (walkIn) break;
    if (i >= walkOptions.length || j < 0 || j >= walkOptions.length || i >= j) continue;
    for (let from = 1; from < Math.min(walkFrom, 5) && !walkIn; ++from) {
      await organizer.page.goto(`/events/${EVENT}/schedule`);
      await organizer.page.locator("#walk-a").selectOption(walkOptions[i]);
      await organizer.page.locator("#walk-b").selectOption(walkOptions[j]);
      await organizer.page.locator("#walk-from option").nth(from).evaluate((o) => { o.selected = true; });
      await organizer.page.locator("#walk-in-form button[type=submit]").click();
      await organizer.page.waitForLoadState();
      const result = organizer.page.locator("#walk-in-result");
      if (await result.count()) { walkIn = (await result.textContent()).trim(); break; }
      const why = await organizer.page.locator("main .error[role=alert]").textContent().catch(() => "");
      log(`note walk-in ${walkOptions[i]}–${walkOptions[j]} from session option ${from} refused: ${why}`);
    }
  }
  check(walkIn, `a walk-in gets a slot and a table: ${walkIn}`);

  // Upload with a preview: a bad file names the line; nothing is saved until confirmed.
  await organizer.page.goto(`/events/${EVENT}/import`);
  const upload = async (name, content) => {
    await organizer.page.locator("#import-file").setInputFiles(
      { name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8") });
  };
  await organizer.page.locator("#import-kind").selectOption("organizations");
  await upload("organizations.csv",
               "key,name_en,name_zh,type,country\ne2e-a,E2E Alpha,阿尔法,university,IT\ne2e-b,E2E Beta,贝塔,spaceship,CN\n");
  await organizer.page.waitForFunction(() => document.querySelector("#import-content").value.length > 0);
  await Promise.all([organizer.page.waitForURL(/\/import\/preview/),
                     organizer.page.locator("#import-preview-button").click()]);
  const importError = (await organizer.page.locator("#import-error").textContent().catch(() => "")) || "";
  check(/organizations\.csv:3/.test(importError), `a bad upload names its line: ${importError.trim()}`);
  await upload("organizations.csv", Buffer.from([0x6b, 0x65, 0x79, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
  const problem = organizer.page.locator("#import-problem");
  await problem.waitFor({ state: "visible", timeout: 5000 }).catch(() => {});
  check(await problem.isVisible(), `a non-UTF-8 file is refused in the browser: ${await problem.textContent()}`);
  await upload("organizations.csv",
               "key,name_en,name_zh,type,country\ne2e-a,E2E Alpha,阿尔法,university,IT\n");
  await organizer.page.waitForFunction(() => document.querySelector("#import-content").value.includes("e2e-a"));
  await Promise.all([organizer.page.waitForURL(/\/import\/preview/),
                     organizer.page.locator("#import-preview-button").click()]);
  check(await organizer.page.locator("#import-preview #import-counts").count() === 1,
        "a good upload shows its counts before saving");
  await Promise.all([organizer.page.waitForURL(/\/import$/),
                     organizer.page.locator("#import-confirm").click()]);
  check(await organizer.page.locator("#imported-h").count() === 1, "the confirmed upload is imported");
  const xlsx = await organizer.page.request.get(`/events/${EVENT}/exports/event.xlsx`);
  check(xlsx.ok() && (xlsx.headers()["content-type"] || "").includes("spreadsheetml") &&
        (xlsx.headers()["content-disposition"] || "").startsWith("attachment"),
        "the event downloads as XLSX");

  // Both agendas show the meeting with its table (and interpreter).
  for (const [person, other] of [[giulia, liOrg], [li, giuliaOrg]]) {
    await person.page.goto(`/events/${EVENT}/agenda`);
    const agenda = await (await person.page.request.get(`/api/v1/events/${EVENT}/agenda`)).json();
    const entry = (agenda.entries || []).find((e) => e.counterpart && e.counterpart.id === other);
    check(entry, `${person.who}'s agenda (JSON) has the meeting`);
    if (!entry) continue;
    const card = person.page.locator(`li.meeting[data-meeting="${entry.meeting?.id ?? entry.id}"]`);
    check(await card.count() === 1, `${person.who}'s agenda page shows the meeting`);
    const table = (await card.locator(".table-no").textContent() || "").trim();
    check(table.length > 0, `${person.who}'s meeting has table ${table}`);
    if (entry.interpreter) {
      const shown = (await card.locator(".interpreter").textContent() || "").trim();
      check(shown.length > 0, `${person.who}'s meeting shows the interpreter ${shown}`);
    } else {
      log(`note the pair needs no interpreter`);
    }
  }

  // The .ics download parses.
  const ics = await li.page.request.get(`/api/v1/events/${EVENT}/agenda.ics`);
  check(ics.ok() && (ics.headers()["content-type"] || "").startsWith("text/calendar"), ".ics served");
  const calendar = parseIcs(await ics.text());
  check(calendar.events.length > 0 && calendar.events.every((e) => e.UID && e.DTSTART && e.DTEND),
        `.ics parses: ${calendar.events.length} events with UID, DTSTART, DTEND`);

  // A calendar subscription address works without signing in.
  await li.page.goto(`/events/${EVENT}/agenda`);
  await li.page.locator("form[action$='/calendar-feed'] button").click();
  const feedUrl = await li.page.locator("#feed-url").inputValue();
  const feed = await fetch(feedUrl).catch((e) => { throw new Error(`${feedUrl}: ${e.cause || e}`); });
  check(feed.ok && parseIcs(await feed.text()).events.length > 0, "the calendar subscription feed parses");

  // Feedback on a meeting.
  await giulia.page.goto(`/events/${EVENT}/agenda`);
  const firstFeedback = giulia.page.locator("li.meeting details.feedback").first();
  if (await firstFeedback.count()) {
    await firstFeedback.locator("summary").click();
    await firstFeedback.locator("input[name=rating][value='5']").check();
    await firstFeedback.locator("textarea[name=comment]").fill("Ottimo incontro");
    await Promise.all([giulia.page.waitForURL(/feedback=1|agenda/), firstFeedback.locator("button[type=submit]").click()]);
    check(await giulia.page.locator("[role=status], [role=alert]").count() > 0, "feedback answered");
  }

  // Organizer dashboard with charts.
  await organizer.page.goto(`/events/${EVENT}/stats`);
  await organizer.page.waitForFunction(() => window.Chart && document.querySelectorAll("canvas[data-chart]").length > 0);
  check(await organizer.page.evaluate(() => Object.keys(window.Chart.instances || {}).length) >= 5,
        "the dashboard draws its charts");

  // Giulia edits a delegate: languages in order of fluency and the sessions
  // attended. A form opened before someone else's change is refused.
  await giulia.page.goto(`/events/${EVENT}/people?lang=it`);
  const delegate = giulia.page.locator("li.person").first();
  check(await delegate.count() === 1, "Giulia's delegates are listed");
  const stalePage = await giulia.context.newPage();
  stalePage.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(`giulia (2nd tab): ${msg.text()}`);
  });
  await stalePage.goto(`/events/${EVENT}/people?lang=it`);
  await delegate.locator("details.edit-person summary").click();
  const form = delegate.locator("form.person-form");
  await form.locator("select.lang-rank").nth(0).selectOption("it");
  await form.locator("select.lang-rank").nth(1).selectOption("zh");
  await form.locator("select.lang-rank").nth(2).selectOption("en");
  const sessionBoxes = form.locator("input[name=sessions]");
  const sessionCount = await sessionBoxes.count();
  for (let i = 0; i < sessionCount; ++i) await sessionBoxes.nth(i).setChecked(i === 0);
  await Promise.all([giulia.page.waitForURL(/saved=1/), form.locator("button[type=submit]").click()]);
  const saved = giulia.page.locator("li.person").first();
  const shownLanguages = (await saved.locator("ol.inline").textContent() || "").trim();
  check(/italiano.*cinese.*inglese/.test(shownLanguages),
        `the delegate's languages are saved in order: ${shownLanguages}`);
  const attends = (await saved.locator(".attends").textContent() || "").trim();
  check(sessionCount === 0 || !/tutte le sessioni/.test(attends),
        `the delegate's availability is saved: ${attends}`);
  const staleForm = stalePage.locator("li.person").first().locator("form.person-form");
  await stalePage.locator("li.person").first().locator("details.edit-person summary").click();
  await staleForm.locator("input[name=role]").fill("Ruolo scritto su una pagina vecchia");
  await Promise.all([stalePage.waitForLoadState(), staleForm.locator("button[type=submit]").click()]);
  const conflictShown = stalePage.locator("li.person .conflict[role=alert]");
  await conflictShown.waitFor({ timeout: 10000 }).catch(() => {});
  check(await conflictShown.count() === 1,
        `a stale delegate form is refused: ${(await conflictShown.textContent().catch(() => "")) || "no message"}`);
  await stalePage.close();

  // The organizer adds a session by form: a bad one shows the errors beside
  // the fields, a good one is listed.
  await organizer.page.goto(`/events/${EVENT}/setup?lang=en`);
  const sessionsBefore = await organizer.page.locator("table.sessions-table tbody tr").count();
  const newSession = organizer.page.locator("#session-form-new");
  await newSession.locator("input[name=start]").fill("15:00");
  await newSession.locator("input[name=end]").fill("14:00");
  await newSession.locator("input[name=tables]").fill("0");
  await Promise.all([organizer.page.waitForLoadState(), newSession.locator("button[type=submit]").click()]);
  const endError = organizer.page.locator("#sf-new-end-err");
  await endError.waitFor({ timeout: 10000 }).catch(() => {});
  check(await endError.count() === 1 &&
        await organizer.page.locator("#sf-new-end").getAttribute("aria-invalid") === "true",
        `a bad session shows the error beside its field: ${(await endError.textContent().catch(() => "")) || "none"}`);
  check(await organizer.page.locator("#sf-new-tables-err").count() === 1, "…and the tables' error too");
  const retry = organizer.page.locator("#session-form-new");
  await retry.locator("input[name=start]").fill("14:00");
  await retry.locator("input[name=end]").fill("16:00");
  await retry.locator("input[name=tables]").fill("6");
  await retry.locator("input[name=breaks]").fill("15:00-15:15");
  await Promise.all([organizer.page.waitForURL(/saved=/), retry.locator("button[type=submit]").click()]);
  check(await organizer.page.locator("table.sessions-table tbody tr").count() === sessionsBefore + 1,
        "a session added by form is listed");

  // The organizer runs matching with live progress and proposes the pairs.
  await organizer.page.goto(`/events/${EVENT}/matching?lang=en`);
  const matchAt = Date.now();
  await organizer.page.locator("#run-matching").click();
  await organizer.page.locator("#match-area .job").waitFor({ timeout: 10000 }).catch(() => {});
  check(await organizer.page.locator("#match-area .job").count() === 1, "the matching job shows its progress");
  const propose = organizer.page.locator("#propose");
  await propose.waitFor({ state: "visible", timeout: 60000 });
  check(true, `matching finished in ${((Date.now() - matchAt) / 1000).toFixed(1)} s with ` +
        `${(await organizer.page.locator("#match-area .proposals").textContent() || "").trim()} pairs`);
  await Promise.all([organizer.page.waitForURL(/proposed=/), propose.click()]);
  check(await organizer.page.locator("#proposed").count() === 1,
        `the pairs are proposed: ${(await organizer.page.locator("#proposed").textContent() || "").trim()}`);
  const matchingUrl = new URL(organizer.page.url());
  const matchingJob = matchingUrl.searchParams.get("job");

  // Screenshots: main pages in it, en and zh at desktop and phone widths.
  const pages = [
    [giulia, "event", `/events/${EVENT}`],
    [giulia, "recommendations", `/events/${EVENT}/recommendations`],
    [li, "catalogue", `/events/${EVENT}/catalogue?q=${encodeURIComponent("机器人")}`],
    [li, "requests", `/events/${EVENT}/requests`],
    [giulia, "agenda", `/events/${EVENT}/agenda`],
    [organizer, "schedule", `/events/${EVENT}/schedule`],
    [organizer, "stats", `/events/${EVENT}/stats`],
    [organizer, "import", `/events/${EVENT}/import`],
    [giulia, "people", `/events/${EVENT}/people`],
    [organizer, "setup", `/events/${EVENT}/setup`],
    [organizer, "matching", `/events/${EVENT}/matching?job=${matchingJob}`],
  ];
  const anonymous = await personOf(browser, base, "anonymous");
  for (const lang of ["it", "en", "zh"]) {
    await anonymous.page.goto(`/login?lang=${lang}`);
    for (const width of [1280, 375]) await shoot(anonymous.page, `${lang}-login`, width);
    await anonymous.page.goto(`/register?event=${EVENT}&lang=${lang}`);
    for (const width of [1280, 375]) await shoot(anonymous.page, `${lang}-register`, width);
    check(!(await anonymous.page.evaluate(() =>
      document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)),
          `register in ${lang} fits 375 px without horizontal scrolling`);
    await anonymous.page.setViewportSize({ width: 1280, height: 900 });
    for (const [person, name, url] of pages) {
      await person.page.goto(url + (url.includes("?") ? "&" : "?") + `lang=${lang}`);
      check(await person.page.locator("html").getAttribute("lang") === lang, `${name} in ${lang}`);
      for (const width of [1280, 375]) await shoot(person.page, `${lang}-${name}`, width);
      const overflow = await person.page.evaluate(() =>
        document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
      check(!overflow, `${name} in ${lang} fits 375 px without horizontal scrolling`);
      if (lang === "en") {
        const unlabeled = await person.page.evaluate(() =>
          [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
            .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label") &&
                            !el.getAttribute("aria-labelledby"))
            .map((el) => el.id || el.name));
        check(unlabeled.length === 0,
              `every field of ${name} has a label${unlabeled.length ? ": not " + unlabeled.join(", ") : ""}`);
      }
      await person.page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  // Giulia adds an offer to her organization's profile.
  await giulia.page.goto(`/events/${EVENT}/organization?lang=it`);
  await giulia.page.locator("#p-kind").selectOption("offer");
  await giulia.page.locator("#p-title").fill("Robot collaborativi per la viticoltura");
  await giulia.page.locator("#p-text").fill("Offriamo bracci robotici leggeri e visione artificiale per la vendemmia.");
  await giulia.page.locator("#p-themes option").first().evaluate((o) => { o.selected = true; });
  await giulia.page.locator("#p-keywords").fill("robotica, vendemmia");
  await giulia.page.locator("form[action$='/organization/profiles'] button[type=submit]").click();
  await giulia.page.waitForURL(/saved=1|organization/);
  check(await giulia.page.getByText("Robot collaborativi per la viticoltura").count() > 0,
        "a new offer is saved and shown");

  // ... and edits it: a Chinese title beside the Italian one.
  const offer = giulia.page.locator("li.card", { hasText: "Robot collaborativi per la viticoltura" });
  await offer.locator("details.edit-profile summary").click();
  await offer.locator("input[name=title_zh]").fill("葡萄种植协作机器人");
  await Promise.all([giulia.page.waitForURL(/saved=1/),
                     offer.locator("details.edit-profile button[type=submit]").click()]);
  await giulia.page.goto(`/events/${EVENT}/organization?lang=zh`);
  check(await giulia.page.getByText("葡萄种植协作机器人").count() > 0, "the offer is edited in Chinese");

  // Signing out ends the session.
  await giulia.page.goto(`/events/${EVENT}`);
  await Promise.all([giulia.page.waitForURL(/\/login/), giulia.page.locator("form.signout button").click()]);
  check((await giulia.page.request.get("/api/v1/me")).status() === 401, "sign-out ends the session");
}

// News: the organizer publishes an item whose body carries a <script> and an
// <img onerror>, with an uploaded image; a visitor without an account reads
// the list and the item, nothing runs, and the Atom feed parses.
async function newsScenario(browser, base) {
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const organizer = await personOf(browser, base, "news-organizer", { browserLocale: "it-IT" });
  const { page } = organizer;
  await page.goto("/login?next=/manage/news/new");
  await page.getByLabel(/e-mail|电子邮箱/i).fill(ACCOUNTS.organizer);
  await page.locator("#password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/manage\/news\/new/), page.locator("form[action='/login'] button").click()]);
  await page.locator("#news-key").fill("e2e-notizia-sicura");
  await page.locator("#news-event").selectOption(EVENT);
  await page.locator("#title-it").fill("Firmato l'accordo di ricerca");
  await page.locator("#title-zh").fill("签署联合研究协议");
  await page.locator("#summary-it").fill("Bologna e Chengdu insieme.");
  await page.locator("#body-it").fill(
    "<p>Testo <strong>importante</strong>.</p><script>window.__pwned = 1; alert('script')</script>" +
    "<img src=x onerror=\"window.__pwned = 2; alert('onerror')\"><a href=\"javascript:alert(3)\">link</a>");
  await page.locator("#body-zh").fill("<p>正文<script>alert('脚本')</script></p>");
  await page.locator("#news-upload").setInputFiles({ name: "sala.png", mimeType: "image/png", buffer: PNG });
  await page.locator("input[name=image_0_sha256]").waitFor({ state: "attached", timeout: 10000 });
  await page.locator("input[name=image_0_caption_it]").fill("La sala delle firme");
  // A malicious upload is refused with the server's message.
  await page.locator("#news-upload").setInputFiles({
    name: "evil.png", mimeType: "image/png",
    buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>") });
  await page.locator("#news-upload-error").waitFor({ state: "visible", timeout: 10000 }).catch(() => {});
  check(/markup|SVG/.test(await page.locator("#news-upload-error").textContent()),
        "the editor refuses an SVG disguised as PNG with the server's message");
  // The refused upload's 415 is expected; it is not a page error.
  const refused = consoleErrors.findIndex((e) => e.startsWith("news-organizer:") && e.includes("415"));
  if (refused >= 0) consoleErrors.splice(refused, 1);
  await page.locator("#news-publish").check();
  await Promise.all([page.waitForURL(/saved=1/), page.locator("#news-save").click()]);
  check(page.url().includes("/manage/news/e2e-notizia-sicura"), "the organizer publishes a news item");

  const visitor = await personOf(browser, base, "news-visitor", { browserLocale: "zh-CN" });
  const dialogs = [];
  visitor.page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await visitor.page.goto(`/events/${EVENT}/news?lang=it`);
  check(await visitor.page.getByText("Firmato l'accordo di ricerca").count() > 0,
        "a visitor without an account sees the event's news");
  await visitor.page.goto("/news?lang=zh");
  check(await visitor.page.getByText("签署联合研究协议").count() > 0, "the programme's news, in Chinese");
  await visitor.page.goto("/news/e2e-notizia-sicura?lang=it");
  await visitor.page.waitForLoadState("load");
  check(await visitor.page.locator("h1").textContent() === "Firmato l'accordo di ricerca",
        "a visitor reads the news item");
  check(await visitor.page.evaluate(() => window.__pwned === undefined) && dialogs.length === 0,
        "the body's script and onerror did not run");
  check(await visitor.page.locator(".news-body script, .news-body [onerror], .news-body a[href^=javascript]").count() === 0,
        "no script, handler or javascript: link is in the DOM");
  check(await visitor.page.locator(".news-body strong").textContent() === "importante",
        "allowed formatting is kept");
  check(await visitor.page.evaluate(() => {
    const img = document.querySelector(".news-figure img");
    return !!img && img.complete && img.naturalWidth === 1;
  }), "the uploaded image is shown from /media/");
  check(await visitor.page.getByText("La sala delle firme").count() > 0, "with its caption");
  await visitor.page.goto("/news/e2e-notizia-sicura?lang=en");
  check(await visitor.page.locator("#fallback-note").count() === 1,
        "a reader in English is told the text is in another language");
  const atomHref = await visitor.page.locator("link[rel=alternate][type='application/atom+xml']").getAttribute("href");
  const feed = await visitor.page.request.get(atomHref);
  check(feed.status() === 200 && feed.headers()["content-type"].startsWith("application/atom+xml"),
        "the Atom feed responds");
  const xml = await feed.text();
  const parsed = await visitor.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) return { error: true };
    return { error: false, entries: doc.getElementsByTagName("entry").length,
             ids: Array.from(doc.getElementsByTagName("id")).map((e) => e.textContent) };
  }, xml);
  check(!parsed.error && parsed.entries >= 1 && parsed.ids.some((id) => id.endsWith("/news/e2e-notizia-sicura")),
        "the Atom feed parses as XML and has the item");
  for (const lang of ["it", "zh"]) {
    await visitor.page.goto(`/news/e2e-notizia-sicura?lang=${lang}`);
    for (const width of [1280, 375]) await shoot(visitor.page, `${lang}-news-item`, width);
    check(!(await visitor.page.evaluate(() =>
      document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)),
          `the news item in ${lang} fits 375 px without horizontal scrolling`);
    await visitor.page.setViewportSize({ width: 1280, height: 900 });
  }
  await organizer.context.close();
  await visitor.context.close();
}

// Reports: the organizer opens the 2025 edition's dashboard (charts and the
// same numbers as tables), the programme dashboard across the three
// editions, the XLSX of every table, and the printable edition report in
// it, en and zh — printed to PDF by Chromium itself, as a ministry would get it.
async function reports(browser, base) {
  const PAST = "icstiw-2025";
  const organizer = await personOf(browser, base, "organizer (reports)");
  await signIn(organizer, ACCOUNTS.organizer);
  const { page } = organizer;
  const figure = async (label) => {
    const items = await page.locator("ul.stats li").allInnerTexts();
    const item = items.find((t) => t.includes(label));
    return item ? Number(item.replace(/[^0-9]/g, "")) : NaN;
  };
  for (const lang of ["it", "en", "zh"]) {
    await page.goto(`/events/${PAST}/stats?lang=${lang}`);
    await page.waitForFunction(() => window.Chart && Object.keys(window.Chart.instances || {}).length > 0);
    const charts = await page.evaluate(() => Object.keys(window.Chart.instances).length);
    const canvases = await page.locator("canvas[data-chart]").count();
    check(charts === canvases && charts >= 12, `the ${lang} dashboard draws all ${canvases} charts (${charts})`);
    check(await page.locator("figure#outcomes_by_stage table tbody tr").count() === 5,
          `the outcomes by stage are also a table of the five stages (${lang})`);
    for (const width of [1280, 375]) await shoot(page, `${lang}-report-dashboard`, width);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await page.goto(`/events/${PAST}/stats?lang=en`);
  const validated = await figure("Outcomes");
  const agreements = await figure("Agreements reached");
  check(validated > 0 && agreements > 0 && agreements < validated,
        `the 2025 dashboard counts validated outcomes (${validated}, ${agreements} agreements)`);
  await page.goto(`/events/${PAST}/stats?lang=en&include_reported=1`);
  const withReported = await figure("Outcomes");
  check(withReported > validated, `counting reported outcomes too gives more (${withReported})`);
  const csv = await page.request.get(await page.locator("figure#outcomes_by_kind a[download]").getAttribute("href"));
  check(csv.status() === 200 && (await csv.text()).startsWith("code,"), "a table downloads as CSV");
  const xlsx = await page.request.get(await page.locator(".report-links a[download]").getAttribute("href"));
  const bytes = await xlsx.body();
  check(xlsx.status() === 200 && bytes.subarray(0, 2).toString() === "PK", "every table downloads as XLSX");

  await page.goto("/reports?lang=zh");
  await page.waitForFunction(() => window.Chart && Object.keys(window.Chart.instances || {}).length > 0);
  check(await page.locator("figure#editions table tbody tr").count() === 3,
        "the programme dashboard has the three editions");
  check(await page.locator("figure#pairs_met_again table tbody tr").count() > 0,
        "the programme dashboard lists pairs that met again");
  for (const width of [1280, 375]) await shoot(page, "zh-report-programme", width);
  await page.setViewportSize({ width: 1280, height: 900 });

  const names = { it: "Settimana Italia–Cina", en: "China–Italy Science", zh: "2025中意科技创新合作周" };
  for (const lang of ["it", "en", "zh"]) {
    await page.goto(`/events/${PAST}/report/print?lang=${lang}`);
    check(await page.locator("html").getAttribute("lang") === lang &&
          (await page.locator("h1").innerText()).includes(names[lang]),
          `the printable report is in ${lang}`);
    check(await page.locator("section.table").count() >= 12, `the printable report has every table (${lang})`);
    await shoot(page, `${lang}-report-print`, 1280);
    await page.emulateMedia({ media: "print" });
    check(!(await page.locator("nav.screen-only").isVisible()), `printing hides the screen controls (${lang})`);
    await page.emulateMedia({ media: "screen" });
    const pdf = await page.pdf({ path: path.join(artifacts, `${lang}-report.pdf`), format: "A4", printBackground: true });
    check(pdf.length > 20000 && pdf.subarray(0, 4).toString() === "%PDF", `the report prints to PDF (${lang}, ${pdf.length} bytes)`);
  }
  await organizer.page.context().close();
}

// Outcomes: the Italian participant reports what came of a meeting (the
// follow-up ladder, partners from her meetings); the support office
// validates it from its queue.
async function outcomeSteps(browser, base) {
  const giulia = await personOf(browser, base, "giulia", { browserLocale: "it-IT" });
  const support = await personOf(browser, base, "support", { timezoneId: "Asia/Shanghai" });
  await signIn(giulia, ACCOUNTS.giulia);
  await signIn(support, ACCOUNTS.support);
  const title = `Laboratorio congiunto di robotica / 机器人联合实验室 ${Date.now()}`;
  // The edition's dashboard counts validated outcomes only.
  const dashboardOutcomes = async () => {
    await support.page.goto(`/events/${EVENT}/stats?lang=en`);
    const items = await support.page.locator("ul.stats li").allInnerTexts();
    const item = items.find((t) => t.includes("Outcomes"));
    return item ? Number(item.replace(/[^0-9]/g, "")) : NaN;
  };
  const countedBefore = await dashboardOutcomes();

  await giulia.page.goto(`/events/${EVENT}/outcomes?lang=it`);
  check(await giulia.page.locator(`nav a[href="/events/${EVENT}/outcomes"]`).count() === 1,
        "the navigation links the outcomes page");
  await Promise.all([giulia.page.waitForURL(/\/outcomes\/new/),
                     giulia.page.locator(`a[href="/events/${EVENT}/outcomes/new"]`).first().click()]);
  const form = giulia.page.locator("form.outcome-form");
  check(await form.locator("input[name=stage]").count() === 5, "the form offers the five stages");
  const meetings = form.locator("input[name=meeting]");
  check(await meetings.count() > 0, "the form lists Giulia's meetings as partners");
  if (await meetings.count()) await meetings.first().check();
  await form.locator("input[name=stage][value=negotiation]").check();
  await form.locator("select[name=kind]").selectOption("joint_research");
  await form.locator("input[name=title]").fill(title);
  await form.locator("input[name=value]").fill("150000");
  await form.locator("select[name=currency]").selectOption("EUR");
  await form.locator("textarea[name=notes]").fill("Prossimo passo: visita a Shenzhen. 下一步：访问深圳。");
  await Promise.all([giulia.page.waitForURL(/reported=1/), form.locator("button[type=submit]").click()]);
  const mine = giulia.page.locator("li.outcome-item", { hasText: title });
  check(await mine.count() === 1 && await mine.getAttribute("data-review") === "reported",
        "the reported outcome is listed, awaiting validation");

  await support.page.goto(`/events/${EVENT}/outcomes`);
  const queued = support.page.locator(".outcome-queue li.outcome-item", { hasText: title });
  check(await queued.count() === 1, "the outcome is in the support office's queue");
  if (await queued.count()) {
    await Promise.all([support.page.waitForURL(/saved=1/),
                       queued.locator("button[name=decision][value=validated]").click()]);
  }
  check(await support.page.locator(".outcome-queue li.outcome-item", { hasText: title }).count() === 0,
        "the validated outcome leaves the queue");
  const api = await (await support.page.request.get(
    `/api/v1/events/${EVENT}/outcomes?review=validated`)).json();
  check((api.items || []).some((o) => o.title === title && o.stage === "negotiation"),
        "the API lists the outcome as validated");
  await giulia.page.goto(`/events/${EVENT}/outcomes`);
  check(await giulia.page.locator("li.outcome-item[data-review=validated]", { hasText: title }).count() === 1,
        "Giulia sees her outcome validated");
  for (const width of [1280, 375]) {
    await shoot(giulia.page, "it-outcomes", width);
    await shoot(support.page, "zh-outcomes-queue", width);
  }
  const overflow = await giulia.page.evaluate(() =>
    document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  check(!overflow, "the outcomes page fits 375 px without horizontal scrolling");
  const countedAfter = await dashboardOutcomes();
  check(countedAfter === countedBefore + 1,
        `the validated outcome counts on the edition's dashboard (${countedBefore} → ${countedAfter})`);
  await giulia.context.close();
  await support.context.close();
}

main()
  .catch((err) => {
    failures.push(String(err && err.stack || err));
    console.error(err);
  })
  .finally(() => {
    for (const e of consoleErrors) failures.push(`console error: ${e}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    writeFileSync(path.join(artifacts, "result.txt"),
                  failures.length ? failures.join("\n") + "\n" : "ok\n");
    if (failures.length) {
      console.error(`\n${failures.length} failure(s) in ${seconds}s:\n- ` + failures.join("\n- "));
      process.exit(1);
    }
    console.log(`\nall browser tests passed in ${seconds}s; screenshots in ${artifacts}`);
  });
