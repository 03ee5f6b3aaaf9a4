// The start-up script of every pre-rendered page, inlined at the top of its <head> by
// src/site/document.rs, which appends the call `startUp(rules, app)`: `rules` are the app's own
// (src/startup.rs), `app` its files. It runs before the body is parsed, so the banner is in
// the first paint when the visitor must be asked, and it works long before the app arrives.
// It never writes what the app hydrates: it marks <html> and records there what the visitor
// decided; the app takes both over when it starts.
/* exported startUp */

/**
 * What localStorage holds under `key`: its text, `null` when nothing is stored, `undefined`
 * when the browser refuses storage to the page.
 */
function readStored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return undefined;
  }
}

/**
 * Whether the visitor must be asked now: the app's rule (`consent::asks` in
 * src/consent/state.rs), run on the same table of cases in the tests. `raw` is what
 * `readStored` gave; `now` is in milliseconds since 1970.
 */
function asks(rules, raw, now, privacySignal) {
  if (privacySignal) return false;
  const record = recordInForce(rules, raw, now);
  return record === null || rules.services.some((id) => typeof record.choices[id] !== 'boolean');
}

/** The stored record, if it is one of ours and still counts at `now`; else `null`. */
function recordInForce(rules, raw, now) {
  if (typeof raw !== 'string' || new TextEncoder().encode(raw).length > rules.maxRecordBytes) return null;
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isTime = (value) => Number.isSafeInteger(value) && value >= 0;
  if (!isObject(record) || !isObject(record.choices)) return null;
  const { schema, policy, decidedAt, expiresAt, choices } = record;
  if (schema !== rules.schema || policy !== rules.policy) return null;
  if (!isTime(decidedAt) || !isTime(expiresAt) || typeof record.receiptId !== 'string') return null;
  if (!Object.values(choices).every((value) => typeof value === 'boolean')) return null;
  if (decidedAt > now + rules.clockSkew || expiresAt <= decidedAt) return null;
  if (now >= Math.min(expiresAt, decidedAt + rules.lifetime)) return null;
  return record;
}

/** Shows the banner when the visitor must be asked, records their decision, starts the app. */
function startUp(rules, app) {
  const root = document.documentElement;
  // Once the app runs, it alone answers the visitor.
  let appRunning = false;

  const showBannerIfAsking = () => {
    const privacySignal = navigator.globalPrivacyControl === true;
    const asking = asks(rules, readStored(rules.storageKey), Date.now(), privacySignal);
    root.toggleAttribute(rules.askMark, asking && !root.hasAttribute(rules.earlyDecision));
  };

  const record = (decision) => {
    root.setAttribute(rules.earlyDecision, decision);
    root.setAttribute(rules.earlyDecidedAt, String(Date.now()));
    root.removeAttribute(rules.askMark);
    // The banner has gone: focus goes on to the content, where the visitor was headed.
    document.getElementById(rules.contentId)?.focus({ preventScroll: true });
  };

  showBannerIfAsking();

  // Another tab decided: its choice is the latest, and wins over one made here before.
  addEventListener('storage', (event) => {
    if (appRunning || (event.key !== null && event.key !== rules.storageKey)) return;
    root.removeAttribute(rules.earlyDecision);
    root.removeAttribute(rules.earlyDecidedAt);
    showBannerIfAsking();
  });

  // The banner's « Tout accepter » and « Tout refuser ». « Réglages » needs no script: it
  // opens the dialog by its `commandfor` (a browser without invoker commands is helped).
  const invokerCommands = 'commandForElement' in HTMLButtonElement.prototype;
  document.addEventListener('click', (event) => {
    if (appRunning || !(event.target instanceof Element)) return;
    const button = event.target.closest(`#${rules.bannerId} button`);
    if (!button) return;
    // The visitor is answering: the app that applies the answer is needed now, not at the
    // first paint's report, which a busy main thread delays.
    startOnce();
    const decision = button.getAttribute(rules.choiceAttribute);
    if (decision) record(decision);
    const dialog = document.getElementById(rules.dialogId);
    if (!invokerCommands && button.getAttribute('commandfor') === rules.dialogId && !dialog.open) {
      dialog.showModal();
    }
  });

  // The dialog's buttons close it by its own <form method="dialog">, with their decision as
  // its return value; its switches keep their state for the app. Escape leaves no value.
  document.addEventListener(
    'close',
    (event) => {
      const dialog = event.target;
      if (appRunning || dialog.id !== rules.dialogId) return;
      if (rules.decisions.includes(dialog.returnValue)) record(dialog.returnValue);
      dialog.returnValue = '';
    },
    true,
  );

  // The app starts once the page has painted its text (a paint timing entry arrives after
  // the frame is shown), so that it never competes with that paint; or when the page is
  // shown, or after 1.5 s, whichever comes first: a page opened in the background,
  // prerendered by the browser, or shown where paint timing never fires still starts. It
  // hydrates the whole body, so never before the body is parsed.
  const parsed = new Promise((resolve) => {
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', resolve, { once: true });
    else resolve();
  });
  const start = async () => {
    await parsed;
    // Both requests at once: the wasm streams and compiles while the glue arrives.
    const wasm = fetch(app.wasm, { integrity: app.wasmIntegrity });
    const glue = await import(app.js);
    await glue.default({ module_or_path: wasm });
    // Compiling and instantiating the module is one task, taking the page over another:
    // on a phone, each is short enough for the visitor's taps to be answered between them.
    await (globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve)));
    glue[rules.appStart]();
    appRunning = true;
  };
  let started;
  const startOnce = () => (started ??= start());
  if ((globalThis.PerformanceObserver?.supportedEntryTypes ?? []).includes('paint')) {
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName('first-contentful-paint').length > 0) {
        observer.disconnect();
        startOnce();
      }
    }).observe({ type: 'paint', buffered: true });
    addEventListener('visibilitychange', () => document.hidden || startOnce());
    setTimeout(startOnce, 1500);
  } else {
    startOnce();
  }
}
