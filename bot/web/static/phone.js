/* Phone numbers in text become tel: links, and text numbers (e.g. "text 85258") sms: links.
 * Text is only ever put on the page as text nodes: never innerHTML with user or bot text. */
(function () {
  "use strict";

  // The formats the service directory uses: 999, 112, 101, 111, 116 123, 0800 1111,
  // 0808 800 5000, London 020 numbers, mobile 07 numbers; and 5-6 digit short codes, which are only
  // numbers when "text" comes before them ("text 85258", "text SHOUT to 85258").
  var NUMBER = /\b0\d{2,4}(?: ?\d{3,4}){1,2}\b|\b116 ?\d{3}\b|\b(?:999|112|111|101)\b|\b(\d{5,6})\b/g;
  var LAST_VERB = /\b(call|ring|phone|dial|text)\b(?![\s\S]*\b(?:call|ring|phone|dial|text)\b)/i;

  /* text -> [{text, href?}] (pure) */
  function segments(text) {
    var out = [];
    var last = 0;
    var match;
    NUMBER.lastIndex = 0;
    while ((match = NUMBER.exec(text)) !== null) {
      var before = text.slice(Math.max(0, match.index - 30), match.index);
      var verb = LAST_VERB.exec(before);
      var isText = verb !== null && verb[1].toLowerCase() === "text";
      var digits = match[0].replace(/ /g, "");
      if (match[1] && !isText) { continue; }  // a short code without "text": just a number
      // part of a service's name, as in "Emergency services (999): call 999": link the call only
      if (text.charAt(match.index - 1) === "(" && text.slice(NUMBER.lastIndex, NUMBER.lastIndex + 2) === "):") { continue; }
      if (match.index > last) { out.push({ text: text.slice(last, match.index) }); }
      out.push({ text: match[0], href: (isText ? "sms:" : "tel:") + digits });
      last = match.index + match[0].length;
    }
    if (last < text.length) { out.push({ text: text.slice(last) }); }
    return out;
  }

  function appendWithLinks(parent, text) {
    segments(text).forEach(function (part) {
      if (part.href) {
        var link = document.createElement("a");
        link.href = part.href;
        link.textContent = part.text;
        parent.appendChild(link);
      } else {
        parent.appendChild(document.createTextNode(part.text));
      }
    });
  }

  /* Link the numbers in every text node of `element` that is not already inside a link. */
  function linkifyElement(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest("a")) { nodes.push(walker.currentNode); }
    }
    nodes.forEach(function (node) {
      var fragment = document.createDocumentFragment();
      appendWithLinks(fragment, node.nodeValue);
      node.parentNode.replaceChild(fragment, node);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".linkify"), linkifyElement);

  var api = window.SafeChat || {};
  api.phoneSegments = segments;
  api.appendWithLinks = appendWithLinks;
  window.SafeChat = api;
}());
