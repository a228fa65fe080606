// reveal.js: per paragraph, a control that shows the other language's text
// under the paragraph ("Show Chinese" on an English page). The control
// stays where it is when used; its state is aria-expanded and its label
// ("Hide Chinese"). Controls are buttons made here: without JS there are
// none, and reader modes (which drop buttons) never show them.
import { el, t } from "./dom.js";
import { altFor } from "./alt.js";

// setRevealed shows or hides the other language for the block element b.
export async function setRevealed(b, on) {
  const btn = b.querySelector(":scope > .pctl .reveal") || (b.matches(".list") && b.querySelector(".reveal"));
  const next = b.nextElementSibling;
  const shown = next && next.matches(".alt.reveal-text");
  if (on && !shown) {
    const alt = await altFor(b);
    if (alt) {
      alt.classList.add("reveal-text");
      alt.id = "alt-" + (b.id || b.querySelector("ol").id);
      b.after(alt);
    }
  } else if (!on && shown) {
    next.remove();
  }
  if (btn) {
    btn.setAttribute("aria-expanded", on ? "true" : "false");
    btn.querySelector(".reveal-label").textContent = t(on ? "hideOther" : "showOther");
  }
}

// controls adds the paragraph controls to block b: its ¶ link (in the
// HTML) and the reveal button, in one .pctl group.
function controls(b) {
  const pn = b.querySelector(":scope > .pn");
  if (!pn) return;
  const id = b.id || b.querySelector("ol").id;

  const btn = el("button", { type: "button", class: "reveal", "aria-expanded": "false", "aria-controls": "alt-" + id },
    el("span", { class: "reveal-label" }, t("showOther")),
    el("span", { class: "vh" }, " " + t("paragraphN", { N: pn.textContent.slice(1) })));
  const group = el("span", { class: "pctl" });
  pn.replaceWith(group);
  group.append(pn, btn);
  btn.addEventListener("click", async () => {
    const on = btn.getAttribute("aria-expanded") !== "true";
    try {
      await setRevealed(b, on);
    } catch (err) {
      btn.querySelector(".reveal-label").textContent = t("loadFailed");
    }
  });
}

export function init() {
  for (const b of document.querySelectorAll(".article .text > p[id], .article .text > .list")) controls(b);
}
