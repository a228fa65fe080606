// views.js: the reading views, 中文 · English · 对照 (both). The both view
// shows the other language after every block: interleaved on phones, side
// by side on wide screens (CSS). It is switched in place, keeps the place,
// is remembered (localStorage, no cookie) and carried in the address
// (?view=both), so a shared link opens the same view. Without JS the
// 对照 link opens the parallel page.
import { altFor } from "./alt.js";
import { t } from "./dom.js";
import { currentPlace, arrival, restore } from "../site/place.js";
import { setRevealed } from "./reveal.js";
import { arrive } from "./align.js";
import { bringIntoView } from "./found.js";

const key = "view";

function stored() {
  try {
    return localStorage.getItem(key) || "";
  } catch (err) {
    return "";
  }
}

function store(view) {
  try {
    localStorage.setItem(key, view);
  } catch (err) {
    // Private mode: the address still carries the view.
  }
}

// wanted is the view the address asks for, else the remembered one.
function wanted() {
  const v = new URLSearchParams(location.search).get("view");
  if (v === "both" || v === "single") return v;
  return stored() === "both" ? "both" : "single";
}

let article = null;
let busy = null;

// blocksOf lists the page elements that get a counterpart in the both view.
function blocksOf() {
  return article.querySelectorAll(".article-header h1, .text > p[id], .text > .list, .text > h2[id]");
}

// keepPlace runs change and scrolls back so that the element being read
// stays where it was in the window.
async function keepPlace(change) {
  const id = currentPlace();
  const target = id && document.getElementById(id);
  const before = target ? target.getBoundingClientRect().top : 0;
  await change();
  if (target) {
    window.scrollBy(0, target.getBoundingClientRect().top - before);
  }
}

export async function setView(view) {
  if (!article) return;
  if (busy) await busy;
  busy = keepPlace(async () => {
    if (view === "both") {
      article.classList.add("loading");
      try {
        for (const b of blocksOf()) {
          setRevealed(b, false);
          const next = b.nextElementSibling;
          if (next && next.matches(".alt.view")) continue;
          const alt = await altFor(b);
          if (alt) {
            alt.classList.add("view");
            b.after(alt);
          }
        }
        article.classList.add("both");
      } catch (err) {
        article.classList.remove("both");
        status(t("loadFailed"));
        view = "single";
      } finally {
        article.classList.remove("loading");
      }
    } else {
      for (const a of article.querySelectorAll(".alt.view")) a.remove();
      article.classList.remove("both");
    }
  });
  await busy;
  busy = null;
  // The page's language stays current; 对照 is current in the both view.
  for (const a of document.querySelectorAll('a[data-view="both"]')) {
    if (view === "both") a.setAttribute("aria-current", "true");
    else a.removeAttribute("aria-current");
  }
  const u = new URL(location.href);
  if (view === "both") u.searchParams.set("view", "both");
  else u.searchParams.delete("view");
  history.replaceState(history.state, "", u.href);
  return view;
}

// status says what happened to a reader who cannot see it (a failure to
// load the other language), in a live region the script adds.
function status(msg) {
  let s = document.getElementById("view-status");
  if (!s) {
    s = document.createElement("p");
    s.id = "view-status";
    s.className = "view-status";
    s.setAttribute("role", "status");
    article.prepend(s);
  }
  s.textContent = msg;
}

export function init() {
  article = document.querySelector(".article");
  const links = document.querySelectorAll("a[data-view]");
  if (!article) {
    // The parallel page is the both view; the other links navigate.
    return;
  }
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[data-view]");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    const view = a.dataset.view;
    store(view);
    // The other language's page: navigate (place.js carries the place).
    if (view === "single" && a.hreflang !== document.documentElement.lang) return;
    e.preventDefault();
    setView(view);
  });
  if (links.length && wanted() === "both") {
    // Opened in the both view: once the other language is in, the block
    // the address names is back in view (and highlighted).
    setView("both").then((v) => {
      if (v !== "both" || !location.hash) return;
      if (arrival()) restore(arrival());
      else {
        arrive(true, false);
        bringIntoView(); // the text a search result opened the page at
      }
    });
  }
}
