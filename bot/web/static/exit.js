/* Quick exit (SAFETY.md, hazard H06), on every page.
 * The "Exit this page" button, or Shift pressed 3 times within 5 seconds (Shift on its own):
 * cover the screen at once, clear the chat from the page and from sessionStorage, tell the
 * server to forget the conversation, and leave with location.replace so Back cannot return here.
 * Also defines window.SafeChat, which phone.js and chat.js extend. */
(function () {
  "use strict";

  var SESSION_KEY = "chat.session";
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var button = document.getElementById("exit-button");
  // The neutral page is written once, in the button's href (it also works without JavaScript).
  var exitUrl = button ? button.href : "https://www.bbc.co.uk/weather";
  var exiting = false;

  function session() {
    try { return window.sessionStorage.getItem(SESSION_KEY); } catch (e) { return null; }
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

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    // 1. cover the screen at once
    var cover = document.createElement("div");
    cover.className = "exit-cover";
    document.body.appendChild(cover);
    document.documentElement.classList.add("exiting");
    // 2. clear the chat from the page and from storage (read the token first)
    var token = session();
    var log = document.getElementById("log");
    if (log) { log.replaceChildren(); }
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
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey); }
    } else {
      shiftAlone = false;   // Shift with another key (a capital letter) does not count,
      presses = [];         // and typing in between starts the count again
    }
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) { return; }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= PRESSES) { quickExit(); }
  }, true);

  // A page restored from the back/forward cache mid-exit must not reappear.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) { window.location.replace(exitUrl); }
  });

  window.SafeChat = { SESSION_KEY: SESSION_KEY, session: session, quickExit: quickExit };
}());
