/* "Kopieer de tekst": copy the letter in the editor's box to the clipboard. The Clipboard API
   where the browser allows it; otherwise the text in the box is selected, so Ctrl+C (or the
   phone's copy menu) copies it. The button stays hidden without JavaScript. No inline code (CSP). */
(function () {
  "use strict";
  var button = document.querySelector("button[data-copy-from]");
  if (!button) { return; }
  var box = document.getElementById(button.getAttribute("data-copy-from"));
  var status = document.querySelector("[data-copy-status]");
  if (!box) { return; }
  button.hidden = false;
  var lang = document.documentElement.lang || "nl";
  var dutch = lang.indexOf("nl") === 0;
  var copied = dutch ? "De tekst is gekopieerd." : "The text is copied.";
  var selected = dutch
    ? "De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C)."
    : "The text is selected: copy it with Ctrl+C (or Cmd+C).";

  function say(message) { if (status) { status.textContent = message; } }
  function selectText() {
    box.focus();
    box.select();
    var ok = false;
    try { ok = document.execCommand && document.execCommand("copy"); } catch (e) { ok = false; }
    say(ok ? copied : selected);
  }
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(function () { say(copied); }, selectText);
    } else {
      selectText();
    }
  });
}());
