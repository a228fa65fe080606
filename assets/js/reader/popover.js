// popover.js: opens the site's popovers (glossary term, paragraph menu)
// next to the control that opened them on wide screens and as a bottom
// sheet on phones. Focus moves into the popover and stays there until it
// is closed (Tab and Shift-Tab cycle inside it); Escape, the Close button
// and a click outside close it, and focus returns to the control.
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

export function setup(pop) {
  if (!pop || pop.dataset.ready) return;
  pop.dataset.ready = "1";
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
