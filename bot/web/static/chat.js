/* The chat page, enhanced. Without this script the form POSTs to /chat and the server draws the
 * page; with it, messages go to /api/chat and the page is drawn here from the server's JSON.
 * Bot and user text go in as text nodes only; links only from the server's segments.
 *
 * The browser keeps nothing of the conversation: sessionStorage holds only the opaque session
 * token the server issued (and exit.js's handoff mark). A reload asks the server for the
 * conversation (/api/transcript), so the server's expiry and "Delete this chat" hold here too. */
(function () {
  "use strict";

  var form = document.getElementById("chat-form");
  if (!form) { return; }  // not the chat page

  var SC = window.SafeChat;
  var REQUEST_TIMEOUT_MS = 15000;  // the server itself answers within a few seconds
  var SAFE_HREF = /^(tel:|sms:|https:\/\/|http:\/\/)/;

  var input = document.getElementById("message");
  var log = document.getElementById("log");
  var status = document.getElementById("status");
  var announce = document.getElementById("announce");
  var hiddenSession = document.getElementById("session");
  var deleteButton = document.getElementById("delete-chat");
  var topbar = document.getElementById("topbar");
  var fallbackReply = document.getElementById("fallback-reply").content;
  var typing = document.createElement("p");
  typing.className = "typing";
  typing.setAttribute("aria-hidden", "true");  // the log announces the reply itself
  typing.hidden = true;
  typing.appendChild(document.createElement("span"));
  typing.appendChild(document.createElement("span"));
  typing.appendChild(document.createElement("span"));
  log.insertAdjacentElement("afterend", typing);

  var busy = false;
  var announced = {};  // urgency levels already announced in this conversation

  function token() { return SC.session(); }
  function keepToken(value) {
    try {
      if (value) { window.sessionStorage.setItem(SC.SESSION_KEY, value); }
      else { window.sessionStorage.removeItem(SC.SESSION_KEY); }
    } catch (e) { /* storage off: the chat still works until the page is left */ }
    hiddenSession.value = value || "";
  }

  /* Keep the newest reply clear of the sticky exit bar and the composer. */
  function fitScrollPadding() {
    document.documentElement.style.scrollPaddingTop = (topbar.getBoundingClientRect().height + 8) + "px";
    document.documentElement.style.scrollPaddingBottom = (form.getBoundingClientRect().height + 8) + "px";
  }

  function showBanner(level, say) {
    var banner = document.getElementById("banner-" + level);
    if (!banner) { return; }
    banner.hidden = false;
    fitScrollPadding();
    if (say && !announced[level]) {
      announced[level] = true;
      announce.textContent = banner.textContent.replace(/\s+/g, " ").trim();
    }
  }

  function removeChoices() {
    Array.prototype.forEach.call(log.querySelectorAll(".choices"), function (group) { group.remove(); });
  }

  function appendSegments(parent, segments) {
    segments.forEach(function (part) {
      if (part.href && SAFE_HREF.test(part.href)) {
        var link = document.createElement("a");
        link.href = part.href;
        link.textContent = part.text;
        if (/^https?:/.test(part.href)) {  // another site: a new tab, so this one keeps quick exit
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        }
        parent.appendChild(link);
      } else {
        parent.appendChild(document.createTextNode(part.text));
      }
    });
  }

  function controls(level) {
    var template = document.getElementById("controls-" + level);
    return template ? template.content.cloneNode(true) : document.createDocumentFragment();
  }

  /* entry: {who, segments, buttons, urgency} -> the same markup the server draws */
  function render(entry) {
    var urgency = entry.urgency || [];
    var item = document.createElement("div");
    item.className = "msg msg-" + entry.who + (urgency.length ? " msg-urgent" : "");
    // the emergency call control before the words; a crisis turn's talk-now controls after them
    urgency.forEach(function (level) { if (level === "emergency") { item.appendChild(controls(level)); } });
    var line = document.createElement("p");
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = entry.who === "me" ? "You said: " : "Chat said: ";
    var body = document.createElement("span");
    body.className = "msg-text";
    if (entry.fallback) { body.appendChild(fallbackReply.cloneNode(true)); }
    else { appendSegments(body, entry.segments || [{ text: entry.text || "" }]); }
    line.appendChild(who);
    line.appendChild(body);
    item.appendChild(line);
    urgency.forEach(function (level) { if (level !== "emergency") { item.appendChild(controls(level)); } });
    if (entry.buttons && entry.buttons.length) {
      var group = document.createElement("div");
      group.className = "choices";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Answers you can choose");
      entry.buttons.forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "submit";
        button.setAttribute("form", "chat-form");
        button.name = "payload";
        button.value = choice.payload;
        button.className = "choice";
        button.textContent = choice.title;
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    return item;
  }

  function post(url, body) {
    var controller = new AbortController();
    var timer = window.setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    return window.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      signal: controller.signal
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).finally(function () { window.clearTimeout(timer); });
  }

  function clearChat() {
    removeChoices();
    log.replaceChildren();
    announce.textContent = "";
    announced = {};
    Array.prototype.forEach.call(document.querySelectorAll("[id^='banner-']"), function (banner) { banner.hidden = true; });
    keepToken(null);
    fitScrollPadding();
  }

  function deleted(forgotten) {
    clearChat();
    input.value = "";
    status.textContent = forgotten
      ? "This chat has been deleted."
      : "This chat is cleared from this page. Our computer didn't answer, so its copy will be deleted 1 hour after your last message.";
    busy = false;
    send({ payload: "/greet" }, null, false);
  }

  /* Show the newest reply from its top, under the exit bar; on a phone with an urgent reply, let
   * the on-screen keyboard go so the call control is in view. */
  function showNewest(first, urgent, returnFocus) {
    if (!first) { return; }
    fitScrollPadding();
    if (urgent && window.matchMedia("(pointer: coarse)").matches) { input.blur(); returnFocus = false; }
    if (returnFocus) { input.focus({ preventScroll: true }); }
    first.scrollIntoView({ block: "start" });
  }

  /* request: {message} or {payload}; shown: what to show as the user's words (or null). */
  function send(request, shown, returnFocus) {
    if (busy) { return; }
    busy = true;
    if (shown) { status.textContent = ""; }  // keep "This chat has been deleted." for the greeting
    removeChoices();
    var mine = shown ? render({ who: "me", text: shown }) : null;
    typing.hidden = false;
    request.session = token();
    post("/api/chat", request).then(function (result) {
      var data = result.data || {};
      if (data.forgotten !== undefined) { return { forgotten: data.forgotten }; }
      if (data.session) { keepToken(data.session); }
      if ((result.status === 422 || result.status === 429) && mine && request.message !== undefined) {
        // too long, or too fast: not read, so take it back off the page and give the words back
        mine.remove();
        input.value = request.message;
      } else if (mine && request.message !== undefined) {
        input.value = "";
      }
      var messages = data.messages && data.messages.length ? data.messages : [{ fallback: true }];
      return { messages: messages, urgency: data.urgency || [] };
    }).catch(function () {
      return { messages: [{ fallback: true }], urgency: [] };
    }).then(function (reply) {
      typing.hidden = true;
      if (reply.forgotten !== undefined) { deleted(reply.forgotten); return; }
      reply.urgency.forEach(function (level) { showBanner(level, true); });
      var first = null;
      reply.messages.forEach(function (message, index) {
        var item = render({ who: "bot", text: message.text || "", segments: message.segments, fallback: message.fallback,
          buttons: message.buttons || [], urgency: index === 0 ? reply.urgency : [] });
        first = first || item;
      });
      busy = false;
      if (shown || reply.urgency.length) { showNewest(first, reply.urgency.length > 0, returnFocus); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submitter = event.submitter;
    if (submitter && submitter.name === "payload") {
      send({ payload: submitter.value }, submitter.textContent, true);
      return;
    }
    if (submitter && submitter.name === "delete") { deleteChat(); return; }
    var text = input.value;
    if (!text.trim()) {
      status.textContent = "Type a message first.";
      input.focus();
      return;
    }
    if (busy) { return; }
    send({ message: text }, text, true);
  });

  // Enter sends, Shift+Enter starts a new line (as in other chats).
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // The box grows with what is typed (CSS field-sizing where the browser has it).
  if (!(window.CSS && CSS.supports && CSS.supports("field-sizing", "content"))) {
    input.addEventListener("input", function () {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight + 4, window.innerHeight * 0.3) + "px";
    });
  }

  function deleteChat() {
    var current = token();
    clearChat();
    input.value = "";
    status.textContent = "Deleting this chat…";
    var done = current ? post("/api/forget", { session: current }) : Promise.resolve({ data: { forgotten: true } });
    done.then(function (result) {
      return result.data && result.data.forgotten;
    }).catch(function () { return false; }).then(deleted);
  }

  // A copy of this page restored from the back/forward cache after the chat was deleted or
  // after quick exit (which clears sessionStorage) must not show the old conversation.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && !token()) { clearChat(); }
  });
  window.addEventListener("resize", fitScrollPadding);

  // Start. (1) The server drew the conversation (the form was sent before this script ran):
  // keep its token, and make the address "/" so a reload does not send the form again.
  // (2) A token from this tab (exit.js dropped it unless this tab navigated here): ask the server.
  // (3) Otherwise a new chat.
  fitScrollPadding();
  if (log.children.length) {
    keepToken(hiddenSession.value);
    window.history.replaceState(null, "", "/");
    Array.prototype.forEach.call(document.querySelectorAll("[id^='banner-']:not([hidden])"), function (banner) {
      announced[banner.id.replace("banner-", "")] = true;  // the server drew it with the page
    });
    var mine = log.querySelectorAll(".msg-me");
    var newest = mine.length ? mine[mine.length - 1].nextElementSibling : log.firstElementChild;
    showNewest(newest || log.lastElementChild, !!(newest && newest.classList.contains("msg-urgent")), false);
  } else if (token()) {
    busy = true;
    typing.hidden = false;
    post("/api/transcript", { session: token() }).then(function (result) {
      var data = result.data || {};
      typing.hidden = true;
      busy = false;
      if (!data.session || !data.entries || !data.entries.length) {
        keepToken(null);
        send({ payload: "/greet" }, null, false);
        return;
      }
      keepToken(data.session);
      (data.urgency || []).forEach(function (level) { announced[level] = true; showBanner(level, false); });
      var last = null;
      data.entries.forEach(function (entry) { last = render(entry); });
      if (last) { last.scrollIntoView({ block: "end" }); }
    }).catch(function () {
      typing.hidden = true;
      busy = false;
      send({ payload: "/greet" }, null, false);
    });
  } else {
    send({ payload: "/greet" }, null, false);
  }
}());
