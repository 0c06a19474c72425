/* Quick exit (SAFETY.md, hazard H06), on every page, after the GOV.UK "Exit this page" component.
 * The "Exit this page" button, or Shift pressed 3 times within 5 seconds (Shift on its own: not
 * with another key, not with a click): cover the screen at once, clear the chat from the page and
 * the session token from sessionStorage, tell the server to forget the conversation, and leave
 * with location.replace so Back cannot return here. Each Shift press lights a dot on the button
 * and is announced ("Shift, press 2 more times to exit."), as GOV.UK's component does.
 *
 * Also the tab's "handoff" mark: set when this tab navigates within this site (a link, a form,
 * Back), so that a page can tell its own tab's navigations and reloads from a tab the browser
 * reopened after a restart (session restore), whose conversation must not come back: there the
 * session token is dropped and the server told to forget it.
 * Defines window.SafeChat, which chat.js uses. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");
  var SESSION_KEY = "chat.session";
  var HANDOFF_KEY = "chat.handoff";
  var HANDOFF_MS = 30000;
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var button = document.getElementById("exit-button");
  var status = document.getElementById("exit-status");
  // The neutral page is written once, in the button's href (it also works without JavaScript).
  var exitUrl = button ? button.href : "https://www.bbc.co.uk/weather";
  var exiting = false;

  function session() {
    try { return window.sessionStorage.getItem(SESSION_KEY); } catch (e) { return null; }
  }

  function markHandoff() {
    try { window.sessionStorage.setItem(HANDOFF_KEY, String(Date.now())); } catch (e) { /* storage off */ }
  }

  /* True once if this page was reached by a navigation of this tab within this site in the last
   * HANDOFF_MS (the mark is removed as it is read). */
  function takeHandoff() {
    var at = null;
    try {
      at = window.sessionStorage.getItem(HANDOFF_KEY);
      window.sessionStorage.removeItem(HANDOFF_KEY);
    } catch (e) { return false; }
    var age = Date.now() - Number(at);
    return at !== null && age >= 0 && age < HANDOFF_MS;
  }

  function sameSite(url) {
    try { return new URL(url, window.location.href).origin === window.location.origin; } catch (e) { return false; }
  }

  if (window.navigation && window.navigation.addEventListener) {
    // Fires for links, forms and Back/Forward in this tab (Chromium, 2026); never when the browser
    // reopens a tab after a restart. A reload is told by the navigation type (see arrivedInTab).
    window.navigation.addEventListener("navigate", function (event) {
      if (sameSite(event.destination.url)) { markHandoff(); }
    });
  } else {
    // Without the Navigation API: links and forms of this site only (Back then starts anew).
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && sameSite(link.href) && link.id !== "exit-button") { markHandoff(); }
    }, true);
    document.addEventListener("submit", markHandoff, true);
  }

  function reloaded() {
    try {
      var entry = window.performance.getEntriesByType("navigation")[0];
      return !!entry && entry.type === "reload";  // a restored tab says "back_forward"
    } catch (e) { return false; }
  }

  /* Fire-and-forget, survives the page unloading. text/plain keeps sendBeacon simple. */
  function forgetOnTheWayOut(token) {
    var body = JSON.stringify({ session: token });
    var sent = false;
    try {
      sent = !!(navigator.sendBeacon && navigator.sendBeacon("/api/forget", new Blob([body], { type: "text/plain" })));
    } catch (e) { sent = false; }
    if (!sent) {
      try {
        window.fetch("/api/forget", { method: "POST", body: body, keepalive: true, cache: "no-store",
          headers: { "Content-Type": "text/plain" } });
      } catch (e) { /* leaving matters more */ }
    }
  }

  function say(text) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);  // re-announce the same words
  }

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    // 1. cover the screen at once
    var cover = document.createElement("div");
    cover.className = "exit-cover";
    document.body.appendChild(cover);
    document.documentElement.classList.add("exiting");
    if (status) { status.textContent = "Loading."; }
    // 2. clear the chat from the page and from storage (read the token first)
    var token = session() || (document.getElementById("session") || {}).value;
    ["log", "announce"].forEach(function (id) {
      var element = document.getElementById(id);
      if (element) { element.replaceChildren(); }
    });
    var input = document.getElementById("message");
    if (input) { input.value = ""; }
    try { window.sessionStorage.clear(); } catch (e) { /* nothing stored */ }
    // 3. tell the server to forget
    if (token) { forgetOnTheWayOut(token); }
    // 4. leave without a history entry
    window.location.replace(exitUrl);
  }

  if (button) {
    button.addEventListener("click", quickExit);
    // It is a link with role="button": Space must work as on a real button.
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Spacebar") { quickExit(event); }
    });
  }

  var presses = [];
  var shiftAlone = false;
  var expiry = null;

  function showPresses() {
    if (!button) { return; }
    button.classList.remove("exit-pressed-1", "exit-pressed-2", "exit-pressed-3");
    if (presses.length) { button.classList.add("exit-pressed-" + Math.min(presses.length, 3)); }
  }

  function reset(announce) {
    var had = presses.length > 0;
    presses = [];
    showPresses();
    if (expiry) { window.clearTimeout(expiry); expiry = null; }
    if (had && announce) { say("Exit this page expired."); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey); }
    } else {
      shiftAlone = false;   // Shift with another key (a capital letter) does not count,
      reset(false);         // and typing in between starts the count again
    }
  }, true);
  // Shift held while clicking (Shift+click opens a link in a new window) does not count either.
  document.addEventListener("pointerdown", function (event) {
    shiftAlone = false;
    if (event.shiftKey) { reset(false); }
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) { return; }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    showPresses();
    if (presses.length >= PRESSES) { quickExit(); return; }
    var left = PRESSES - presses.length;
    say("Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.");
    if (expiry) { window.clearTimeout(expiry); }
    expiry = window.setTimeout(function () { expiry = null; reset(true); }, WINDOW_MS);
  }, true);

  // Arrived here other than by this tab's own navigation (a browser restart reopening its tabs,
  // or a crash): the conversation must not come back, so drop the token and ask the server to
  // forget it. A reload, a link or Back within the last HANDOFF_MS keeps it.
  // A phone that unloaded a background tab to save memory reloads it on return (wasDiscarded):
  // still this tab, so the chat stays (someone who could open it could have seen it anyway).
  var arrivedInTab = takeHandoff() || reloaded() || document.wasDiscarded === true;
  if (!arrivedInTab && session()) {
    forgetOnTheWayOut(session());
    try { window.sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* nothing stored */ }
  }

  // A page restored from the back/forward cache mid-exit must not reappear.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) { window.location.replace(exitUrl); }
  });

  window.SafeChat = { SESSION_KEY: SESSION_KEY, session: session, quickExit: quickExit,
    forgetOnTheWayOut: forgetOnTheWayOut };
}());
