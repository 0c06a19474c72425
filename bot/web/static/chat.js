/* The chat page. Plain DOM: bot and user text go in as text nodes only.
 * Kept in sessionStorage (gone when the tab closes; cleared by quick exit and "Delete this chat"):
 * the session token the server issued, the transcript and the urgency banners shown.
 * No cookies, no localStorage. */
(function () {
  "use strict";

  var form = document.getElementById("chat-form");
  if (!form) { return; }  // not the chat page

  var SC = window.SafeChat;
  var TRANSCRIPT_KEY = "chat.transcript";
  var URGENCY_KEY = "chat.urgency";
  var REQUEST_TIMEOUT_MS = 15000;  // the server itself answers within a few seconds

  var input = document.getElementById("message");
  var log = document.getElementById("log");
  var status = document.getElementById("status");
  var deleteButton = document.getElementById("delete-chat");
  var fallbackText = document.getElementById("fallback-text").textContent;
  var typing = document.createElement("p");
  typing.className = "typing";
  typing.setAttribute("aria-hidden", "true");  // the log announces the reply itself
  typing.hidden = true;
  typing.appendChild(document.createElement("span"));
  typing.appendChild(document.createElement("span"));
  typing.appendChild(document.createElement("span"));
  log.insertAdjacentElement("afterend", typing);

  var busy = false;

  function load(key, fallback) {
    try {
      var value = window.sessionStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { window.sessionStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  }

  var transcript = load(TRANSCRIPT_KEY, []);
  var urgency = load(URGENCY_KEY, []);

  function showBanner(level) {
    var banner = document.getElementById("banner-" + level);
    if (!banner) { return; }
    banner.hidden = false;
    if (urgency.indexOf(level) === -1) { urgency.push(level); save(URGENCY_KEY, urgency); }
  }

  function removeChoices() {
    Array.prototype.forEach.call(log.querySelectorAll(".choices"), function (group) { group.remove(); });
    transcript.forEach(function (entry) { delete entry.buttons; });
  }

  function render(entry) {
    var item = document.createElement("div");
    item.className = "msg msg-" + entry.who;
    var line = document.createElement("p");
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = entry.who === "me" ? "You said: " : "Chat said: ";
    var body = document.createElement("span");
    body.className = "msg-text";
    if (entry.who === "bot") { SC.appendWithLinks(body, entry.text); } else { body.textContent = entry.text; }
    line.appendChild(who);
    line.appendChild(body);
    item.appendChild(line);
    if (entry.buttons && entry.buttons.length) {
      var group = document.createElement("div");
      group.className = "choices";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Answers you can choose");
      entry.buttons.forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "choice";
        button.textContent = choice.title;
        button.addEventListener("click", function () {
          send({ payload: choice.payload }, choice.title, true);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    return item;
  }

  function add(entry) {
    transcript.push(entry);
    save(TRANSCRIPT_KEY, transcript);
    return render(entry);
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

  /* request: {message} or {payload}; shown: what to show as the user's words (or null). */
  function send(request, shown, returnFocus) {
    if (busy) { return; }
    busy = true;
    if (shown) { status.textContent = ""; }  // keep "This chat has been deleted." for the greeting
    removeChoices();
    var mine = shown ? add({ who: "me", text: shown }) : null;
    typing.hidden = false;
    request.session = SC.session();
    post("/api/chat", request).then(function (result) {
      var data = result.data || {};
      if (data.session) { save(SC.SESSION_KEY, data.session); }
      if ((result.status === 422 || result.status === 429) && mine && request.message !== undefined) {
        // too long, or too fast: not read, so take it back off the page and give the words back
        mine.remove();
        transcript.pop();
        input.value = request.message;
      } else if (mine && request.message !== undefined) {
        input.value = "";
      }
      var messages = data.messages && data.messages.length ? data.messages : [{ text: fallbackText }];
      return { messages: messages, urgency: data.urgency || [] };
    }).catch(function () {
      return { messages: [{ text: fallbackText }], urgency: [] };
    }).then(function (reply) {
      typing.hidden = true;
      reply.urgency.forEach(showBanner);
      reply.messages.forEach(function (message) {
        add({ who: "bot", text: message.text || "", buttons: message.buttons || [] });
      });
      save(TRANSCRIPT_KEY, transcript);
      busy = false;
      if (returnFocus) {
        input.focus({ preventScroll: true });
        form.scrollIntoView({ block: "nearest" });
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      status.textContent = "Type a message first.";
      input.focus();
      return;
    }
    if (busy) { return; }
    send({ message: text }, text, true);
  });

  function clearChat() {
    removeChoices();
    log.replaceChildren();
    transcript = [];
    urgency = [];
    Array.prototype.forEach.call(document.querySelectorAll(".banner[id^='banner-']"), function (banner) { banner.hidden = true; });
    try { window.sessionStorage.clear(); } catch (e) { /* nothing stored */ }
  }

  deleteButton.addEventListener("click", function () {
    var token = SC.session();
    clearChat();
    input.value = "";
    status.textContent = "Deleting this chat…";
    var done = token ? post("/api/forget", { session: token }) : Promise.resolve({ data: { forgotten: true } });
    done.then(function (result) {
      return result.data && result.data.forgotten;
    }).catch(function () { return false; }).then(function (forgotten) {
      status.textContent = forgotten
        ? "This chat has been deleted."
        : "This chat is cleared from this page. Our computer didn't answer, so its copy will be deleted 1 hour after your last message.";
      busy = false;
      send({ payload: "/greet" }, null, false);
    });
  });

  // A copy of this page restored from the back/forward cache after the chat was deleted or
  // after quick exit (which clears sessionStorage) must not show the old transcript.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && !SC.session()) { clearChat(); }
  });

  // Start: show what this tab already said, or ask for the greeting.
  transcript.forEach(render);
  urgency.forEach(showBanner);
  if (!transcript.length) { send({ payload: "/greet" }, null, false); }
}());
