// The workbench's page script: sends the page's forms and buttons to the API (with the
// session's CSRF token), shows refusals, and turns a text selection into a new claim.
// Data is only ever written with textContent: nothing from the case becomes markup.
"use strict";

(function () {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  function say(message, isError) {
    const status = document.getElementById("status");
    if (status) {
      status.textContent = message;
      status.classList.toggle("error", Boolean(isError));
    }
  }

  async function send(method, url, body) {
    const response = await fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.error ? data.code + ": " + data.error : "HTTP " + response.status;
      throw new Error(message);
    }
    return data;
  }

  function changed(el) {
    if (el.tagName === "SELECT") {
      return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
    }
    return el.value !== el.defaultValue;
  }

  function formBody(form) {
    const body = {};
    const onlyChanged = form.hasAttribute("data-diff");
    for (const el of form.elements) {
      if (!el.name) continue;
      if (onlyChanged && !el.hasAttribute("data-always") && !changed(el)) continue;
      let value = el.value;
      if (el.hasAttribute("data-int")) value = value === "" ? null : parseInt(value, 10);
      else if (value === "" && (el.hasAttribute("data-null") || !el.required)) {
        if (!onlyChanged) continue;
        value = null;
      }
      body[el.name] = value;
    }
    return body;
  }

  async function submitForm(form) {
    const error = form.querySelector(".error");
    if (error) error.textContent = "";
    try {
      await send(form.dataset.method, form.dataset.url, formBody(form));
      say("Saved; the analysis is re-run.");
      window.location.reload();
    } catch (e) {
      if (error) error.textContent = e.message;
      say(e.message, true);
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.classList.contains("api")) return;
    event.preventDefault();
    submitForm(form);
  });

  document.addEventListener("change", (event) => {
    const form = event.target.form;
    if (form && form.hasAttribute("data-auto")) submitForm(form);
  });

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.api");
    if (!button) return;
    event.preventDefault();
    button.disabled = true;
    try {
      const body = button.dataset.body ? JSON.parse(button.dataset.body) : undefined;
      await send(button.dataset.method, button.dataset.url, body);
      say("Done; the analysis is re-run.");
      window.location.reload();
    } catch (e) {
      button.disabled = false;
      say(e.message, true);
    }
  });

  // --- a selected passage becomes the span of a new claim ---------------------------
  function offsetOf(node, offset) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const piece = el && el.closest("[data-s]");
    if (!piece) return null;
    if (node.nodeType !== Node.TEXT_NODE) {
      // a boundary between child nodes: count the text before it
      let n = 0;
      for (let i = 0; i < offset && i < node.childNodes.length; i++) n += node.childNodes[i].textContent.length;
      offset = n;
    }
    return parseInt(piece.dataset.s, 10) + offset;
  }

  function onSelect() {
    const text = document.getElementById("source-text");
    const form = document.getElementById("new-claim");
    if (!text || !form) return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    form.elements.start.value = String(start);
    form.elements.end.value = String(end);
    document.getElementById("selected-quote").textContent = sel.toString();
    form.hidden = false;
  }

  document.addEventListener("mouseup", onSelect);
  document.addEventListener("keyup", (e) => { if (e.shiftKey) onSelect(); });

  // --- a claim named in the address is shown in its source --------------------------
  function showTarget() {
    const id = decodeURIComponent(window.location.hash.replace(/^#claim-/, ""));
    if (!id || id === window.location.hash) return;
    for (const el of document.querySelectorAll("[data-claims]")) {
      if (el.dataset.claims.split(" ").includes(id)) el.classList.add("target");
    }
  }
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("DOMContentLoaded", showTarget);
})();
