// popover.js: opens the site's popovers (glossary term, paragraph menu)
// next to the control that opened them on wide screens and as a bottom
// sheet on phones. Focus moves into the popover and stays there until it
// is closed (Tab and Shift-Tab cycle inside it); Escape, the Close button
// and a click outside close it, and focus returns to the control.
import { el, t } from "./dom.js";
import { setMode, mode } from "./terms.js";

const wide = window.matchMedia("(min-width: 40rem)");
let invoker = null;

// focusables lists the Tab stops of a popover in order. A group of radio
// buttons is one stop (its checked button), as the browser treats it.
function focusables(pop) {
  return [...pop.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])")]
    .filter((e) => !e.closest("[hidden]") && e.getClientRects().length > 0)
    .filter((e) => e.type !== "radio" || e.checked || !pop.querySelector(`input[type=radio][name="${e.name}"]:checked`));
}

// place puts the popover next to its anchor, never over it: below it if
// it fits, else above; if it fits on neither side, the page is scrolled to
// bring the anchor near the top of the window and the popover, below it,
// scrolls within the room left.
function place(pop, anchor) {
  pop.style.top = "";
  pop.style.left = "";
  pop.style.maxHeight = "";
  if (!wide.matches || !anchor) return;
  const gap = 8;
  let r = anchor.getBoundingClientRect();
  const h = pop.getBoundingClientRect().height;
  const below = () => window.innerHeight - r.bottom - 2 * gap;
  const above = () => r.top - 2 * gap;
  let top;
  if (h <= below()) top = r.bottom + gap;
  else if (h <= above()) top = r.top - gap - h;
  else {
    // Room for the anchor's line and a little context above it.
    window.scrollBy(0, r.top - Math.min(r.height + 4 * gap, window.innerHeight / 4));
    r = anchor.getBoundingClientRect();
    top = r.bottom + gap;
    pop.style.maxHeight = Math.max(below(), 6 * gap) + "px";
  }
  const w = pop.getBoundingClientRect().width;
  const left = Math.max(gap, Math.min(r.left, window.innerWidth - w - gap));
  pop.style.top = top + "px";
  pop.style.left = left + "px";
}

// open shows pop next to the control from, and moves focus into it: to
// its title (so that a screen reader starts at the top), else its first
// control. On a phone, where it is a sheet at the bottom, the control is
// scrolled above the sheet.
export function open(pop, from, anchor) {
  if (pop.matches(":popover-open")) pop.hidePopover();
  if (invoker) invoker.setAttribute("aria-expanded", "false");
  invoker = from;
  pop.showPopover();
  from.setAttribute("aria-expanded", "true");
  place(pop, anchor || from);
  if (!wide.matches) {
    const r = (anchor || from).getBoundingClientRect();
    const top = pop.getBoundingClientRect().top;
    if (r.bottom > top - 8) window.scrollBy(0, r.bottom - top + 16);
  }
  const title = pop.querySelector(".pop-title");
  if (title && title.textContent) {
    title.focus();
    return;
  }
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
// button, a title and a body the caller fills, and the terms choice. It is
// a modal dialog for assistive technology: focus stays in it until it
// closes.
export function make(id) {
  let pop = document.getElementById(id);
  if (pop) return pop;
  const attrs = { id, class: "pop", popover: "auto", role: "dialog", "aria-modal": "true", "aria-labelledby": id + "-h" };
  const kids = [el("button", { type: "button", class: "pop-close", popovertarget: id, popovertargetaction: "hide" }, t("close")),
    el("h2", { id: id + "-h", class: "pop-title", tabindex: "-1" })];

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
      i.setAttribute("aria-expanded", "false");
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
