// popover.js: opens the site's popovers (glossary term, paragraph menu)
// next to the control that opened them on wide screens and as a bottom
// sheet on phones. Focus moves into the popover and stays there until it
// is closed (Tab and Shift-Tab cycle inside it); Escape, the Close button
// and a click outside close it, and focus returns to the control.
import { el, t } from "./dom.js";
import { setMode, mode } from "./terms.js";

const wide = window.matchMedia("(min-width: 40rem)");
let invoker = null;

function focusables(pop) {
  return [...pop.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex='-1'])")]
    .filter((e) => !e.closest("[hidden]") && e.getClientRects().length > 0);
}

// place puts the popover next to its anchor: below it if there is room,
// otherwise above, and within the window horizontally.
function place(pop, anchor) {
  pop.style.top = "";
  pop.style.left = "";
  if (!wide.matches || !anchor) return;
  const r = anchor.getBoundingClientRect();
  const p = pop.getBoundingClientRect();
  const gap = 8;
  let top = r.bottom + gap;
  if (top + p.height > window.innerHeight - gap && r.top - gap - p.height > gap) top = r.top - gap - p.height;
  top = Math.max(gap, Math.min(top, window.innerHeight - p.height - gap));
  let left = Math.min(r.left, window.innerWidth - p.width - gap);
  left = Math.max(gap, left);
  pop.style.top = top + "px";
  pop.style.left = left + "px";
}

export function open(pop, from, anchor) {
  if (pop.matches(":popover-open")) pop.hidePopover();
  invoker = from;
  pop.showPopover();
  place(pop, anchor || from);
  const f = focusables(pop);
  (f.find((e) => !e.matches(".pop-close")) || f[0] || pop).focus();
}

// termsMode is the reader's choice of how glossary terms are marked, a
// group of radio buttons shown in every popover.
function termsMode() {
  const box = el("fieldset", { class: "terms-mode" }, el("legend", {}, t("terms")));
  for (const m of ["first", "all", "none"]) {
    const input = el("input", { type: "radio", name: "terms", value: m });
    input.checked = m === mode();
    input.addEventListener("change", () => setMode(m));
    box.append(el("label", {}, input, " " + t("terms" + m[0].toUpperCase() + m.slice(1))));
  }
  return box;
}

// make returns the popover with this id, made the first time: a close
// button, a title (when titled), a body the caller fills, and the terms
// choice.
export function make(id, titled) {
  let pop = document.getElementById(id);
  if (pop) return pop;
  const attrs = { id, class: "pop", popover: "auto", role: "dialog" };
  const kids = [el("button", { type: "button", class: "pop-close", popovertarget: id, popovertargetaction: "hide" }, t("close"))];
  if (titled) {
    attrs["aria-labelledby"] = id + "-h";
    kids.push(el("h2", { id: id + "-h", class: "pop-title" }));
  } else {
    attrs["aria-label"] = t("glossary");
  }
  kids.push(el("div", { class: "pop-body" }), termsMode());
  pop = el("div", attrs, ...kids);
  document.body.append(pop);
  setup(pop);
  return pop;
}

function setup(pop) {
  // "beforetoggle" fires synchronously; "toggle" is queued and could take
  // focus back after the reader has moved on.
  pop.addEventListener("beforetoggle", (e) => {
    if (e.newState === "closed" && invoker) {
      const i = invoker;
      invoker = null;
      if (pop.contains(document.activeElement) || document.activeElement === document.body) i.focus();
    }
  });
  pop.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    const f = focusables(pop);
    if (f.length === 0) return;
    const i = f.indexOf(document.activeElement);
    e.preventDefault();
    const next = e.shiftKey ? (i <= 0 ? f.length - 1 : i - 1) : (i + 1) % f.length;
    f[next].focus();
  });
}
