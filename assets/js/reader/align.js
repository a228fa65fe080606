// align.js: sentence alignment made visible. Hovering or tapping a sentence
// highlights it and its counterpart in the other language, wherever both
// are on the page (the parallel page, a revealed paragraph, the both view).
// On arrival, #p12.3 highlights that sentence, #p12 that paragraph, and a
// range #p3-p5 the paragraphs ¶3 to ¶5 (scrolled into view). A tapped
// sentence becomes the target that the ¶ menu links and cites. Sentences
// are not focusable and have no role: screen readers read paragraphs as
// paragraphs. Without JS the pages read as they are.
import { sentenceRE } from "./dom.js";
import { hashId } from "../site/hash.js";

const rangeRE = /^p(\d+)-p(\d+)$/;
let targeted = "";

// target returns the sentence, block or range the reader targeted.
export function target() {
  return targeted;
}

// partner is, on the parallel page, the sentence in the same place in the
// other cell of the row: the counterpart of s.
function partner(s) {
  const td = s.parentElement;
  if (!td || td.tagName !== "TD") return null;
  const other = [...td.parentElement.children].find((c) => c.tagName === "TD" && c !== td);
  return other ? other.children[[...td.children].indexOf(s)] || null : null;
}

function sentenceId(e) {
  let s = e.closest && e.closest("[data-s], [id], .parallel td > *");
  if (!s) return "";
  if (!s.id && !s.dataset.s) s = partner(s) || s;
  const id = s.dataset.s || s.id;
  return sentenceRE.test(id) ? id : "";
}

function mark(id, cls, on) {
  if (!id) return;
  for (const e of document.querySelectorAll(`[id="${id}"], [data-s="${id}"]`)) {
    e.classList.toggle(cls, on);
    const p = partner(e);
    if (p) p.classList.toggle(cls, on);
  }
}

let hovered = "";
function hover(id) {
  if (id === hovered) return;
  mark(hovered, "hl", false);
  hovered = id;
  mark(hovered, "hl", true);
}

function clearTarget() {
  for (const e of document.querySelectorAll(".tg")) e.classList.remove("tg");
}

// arrive highlights what the address names, and scrolls it into view when
// scroll is set (after the page changed under it, as the both view does).
// A place the language switch carried (quiet) is not highlighted: the
// reader did not pick it.
export function arrive(scroll, quiet) {
  clearTarget();
  const id = hashId();
  targeted = "";
  if (!id) return;
  const m = id.match(rangeRE);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    let first = null;
    for (let n = from; n <= to; n++) {
      const e = document.getElementById("p" + n);
      if (!e) continue;
      (e.closest(".list") || e).classList.add("tg");
      first = first || e;
    }
    if (first) {
      targeted = id;
      if (scroll !== false) first.scrollIntoView({ block: "start" });
    }
    return;
  }
  const e = document.getElementById(id);
  if (!e || quiet) return;
  targeted = id;
  mark(id, "tg", true);
  if (scroll) e.scrollIntoView({ block: "start" });
}

export function init() {
  document.addEventListener("mouseover", (e) => hover(sentenceId(e.target)));
  document.addEventListener("mouseleave", () => hover(""));
  document.addEventListener("click", (e) => {
    if (e.target.closest("a, button, input, [popover]")) return;
    if (window.getSelection && String(window.getSelection()).length > 0) return;
    const id = sentenceId(e.target);
    if (!id) return;
    clearTarget();
    mark(id, "tg", true);
    hover(id);
    targeted = id;
    const u = new URL(location.href);
    u.hash = id;
    history.replaceState(history.state, "", u.href);
  });
  window.addEventListener("hashchange", () => arrive(false, false));
  arrive(undefined, quietArrival);
}

// quietArrival is set by reader.js when the page was opened by the
// language switch at the reader's place.
let quietArrival = false;
export function quiet(q) {
  quietArrival = q;
}
