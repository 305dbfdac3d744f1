// "Lees voor": the browser's own speech (speechSynthesis) reads the page in the page's language,
// sentence by sentence, and marks the sentence it reads. Nothing leaves the phone. Where no voice
// for the language exists, a calm message says so. No inline script: markup in ui/_read_aloud.html.
(() => {
  "use strict";
  const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, summary, legend, label";
  const SENTENCE = /[^.!?…]+(?:[.!?…]+["”’)]*|$)/g;
  const HIGHLIGHT = "dv-read";

  function voicesFor(lang) {
    const synth = window.speechSynthesis;
    const wanted = lang.toLowerCase().slice(0, 2);
    return new Promise((resolve) => {
      const pick = () =>
        synth.getVoices().filter((v) => (v.lang || "").toLowerCase().replace("_", "-").startsWith(wanted));
      const found = pick();
      if (found.length || !("onvoiceschanged" in synth)) return resolve(found);
      const done = () => resolve(pick());
      synth.addEventListener("voiceschanged", done, { once: true });
      setTimeout(done, 1500); // some browsers never fire the event
    });
  }

  function visible(el) {
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) &&
      !el.closest("[hidden], [aria-hidden='true'], details:not([open]) > :not(summary), .dv-visually-hidden, [data-dv-read-skip]");
  }

  // Every sentence of the visible text blocks inside root, as a text and a DOM Range.
  function sentences(root) {
    const out = [];
    const blocks = [...root.querySelectorAll(BLOCKS)].filter(
      (el) => visible(el) && !el.querySelector(BLOCKS));
    for (const block of blocks) {
      const nodes = [];
      let text = "";
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement && visible(n.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: text.length });
        text += n.data;
      }
      const at = (offset) => {
        let hit = nodes[0];
        for (const item of nodes) if (item.start <= offset) hit = item;
        return [hit.node, Math.min(offset - hit.start, hit.node.data.length)];
      };
      for (const m of text.matchAll(SENTENCE)) {
        const said = m[0].replace(/\s+/g, " ").trim();
        if (!said || !/[\p{L}\p{N}]/u.test(said)) continue;
        const lead = m[0].length - m[0].trimStart().length;
        const range = document.createRange();
        range.setStart(...at(m.index + lead));
        range.setEnd(...at(m.index + m[0].trimEnd().length));
        out.push({ text: said, range, block });
      }
    }
    return out;
  }

  function mark(item) {
    document.querySelectorAll(".dv-reading").forEach((el) => el.classList.remove("dv-reading"));
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (item) CSS.highlights.set(HIGHLIGHT, new Highlight(item.range));
      else CSS.highlights.delete(HIGHLIGHT);
    } else if (item) {
      item.block.classList.add("dv-reading");
    }
  }

  function setUp(button) {
    const box = button.closest("[data-dv-read-aloud-box]");
    const status = box && box.querySelector("[role=status]");
    const label = button.querySelector("[data-dv-read-label]") || button;
    const startText = label.textContent;
    let reading = false;

    const say = (message) => { if (status) status.textContent = message; };
    const stop = () => {
      reading = false;
      if (window.speechSynthesis) window.speechSynthesis.cancel();
      mark(null);
      label.textContent = startText;
      button.setAttribute("aria-pressed", "false");
    };

    button.hidden = false;
    button.addEventListener("click", async () => {
      if (reading) return stop();
      const lang = document.documentElement.lang || "nl";
      if (!window.speechSynthesis || typeof SpeechSynthesisUtterance === "undefined") {
        return say(button.dataset.noVoice);
      }
      const voices = await voicesFor(lang);
      if (!voices.length) return say(button.dataset.noVoice);
      const root = document.querySelector(button.dataset.dvReadAloud) || document.querySelector("main");
      const queue = sentences(root);
      if (!queue.length) return;
      reading = true;
      say("");
      label.textContent = button.dataset.labelStop;
      button.setAttribute("aria-pressed", "true");
      const voice = voices.find((v) => v.localService) || voices[0];
      const next = (i) => {
        if (!reading || i >= queue.length) return stop();
        const utterance = new SpeechSynthesisUtterance(queue[i].text);
        try { utterance.voice = voice; } catch (e) { /* a voice from another engine */ }
        utterance.lang = voice.lang || lang;
        utterance.rate = 0.9;
        utterance.onstart = () => mark(queue[i]);
        utterance.onend = () => next(i + 1);
        utterance.onerror = () => stop();
        window.speechSynthesis.speak(utterance);
      };
      window.speechSynthesis.cancel();
      next(0);
    });
    window.addEventListener("pagehide", stop);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-dv-read-aloud]").forEach(setUp);
  });
})();
