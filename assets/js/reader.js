// reader.js (article and section pages): glossary popovers and citations.
// Without JS, glossary terms are plain links to their glossary entries and
// the cite buttons stay hidden; the other-language text uses <details>.
(function () {
  "use strict";
  var termPop = document.getElementById("term-pop");
  var citePop = document.getElementById("cite-pop");
  var article = document.querySelector("[data-cite-gb]");
  var invoker = null;

  function open(pop, from) {
    invoker = from;
    pop.showPopover();
    var f = pop.querySelector("a[href], button:not([hidden])");
    if (f) f.focus();
  }

  // Return focus to the control that opened a popover when it closes
  // (Escape, Close button or a click outside). "beforetoggle" fires
  // synchronously; "toggle" is queued and could take focus back after the
  // reader has already moved on.
  [termPop, citePop].forEach(function (pop) {
    if (!pop) return;
    pop.addEventListener("beforetoggle", function (e) {
      if (e.newState === "closed" && invoker) {
        invoker.focus();
        invoker = null;
      }
    });
  });

  // Glossary popovers: the terms' data comes from one JSON file per
  // language (data-src), fetched the first time a term is opened.
  var terms = null;
  function termData() {
    if (!terms) {
      terms = fetch(termPop.getAttribute("data-src")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      terms.catch(function () { terms = null; });
    }
    return terms;
  }
  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (lang) e.lang = lang;
    return e;
  }
  function fillTerm(body, t) {
    // t: [zh, pinyin, en, other renderings, note, glossary entry URL]
    var head = el("p", "gt-head");
    head.appendChild(el("span", "gt-zh", t[0], "zh-Hans"));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "gt-py", t[1], "zh-Latn-pinyin"));
    body.appendChild(head);
    body.appendChild(el("p", "gt-en", t[2], "en"));
    if (t[3]) {
      var also = el("p", "gt-also");
      also.appendChild(el("span", "", termPop.getAttribute("data-t-also") + ": "));
      also.appendChild(el("span", "", t[3], "en"));
      body.appendChild(also);
    }
    body.appendChild(el("p", "gt-note", t[4]));
    var link = el("a", "", termPop.getAttribute("data-t-entry"));
    link.href = t[5];
    var p = el("p");
    p.appendChild(link);
    body.appendChild(p);
  }
  if (termPop && typeof termPop.showPopover === "function") {
    document.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.term");
      if (!a) return;
      e.preventDefault();
      var id = a.getAttribute("data-term");
      termData().then(function (all) {
        var body = termPop.querySelector(".pop-body");
        body.textContent = "";
        if (all[id]) {
          fillTerm(body, all[id]);
          termPop.setAttribute("aria-label", a.textContent);
          open(termPop, a);
        } else {
          location.href = a.href;
        }
      }, function () {
        location.href = a.href; // without the data, the plain link still works
      });
    });
  }

  if (citePop && article && typeof citePop.showPopover === "function") {
    var status = citePop.querySelector(".cite-status");
    document.querySelectorAll(".cite-btn").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var id = b.getAttribute("data-p");
        var url = location.href.split("#")[0] + "#" + id;
        var fill = function (tpl) {
          return tpl.replace("{n}", b.getAttribute("data-n")).replace("{url}", url);
        };
        document.getElementById("cite-gb").textContent = fill(article.getAttribute("data-cite-gb"));
        document.getElementById("cite-chicago").textContent = fill(article.getAttribute("data-cite-chicago"));
        status.textContent = "";
        open(citePop, b);
      });
    });
    citePop.addEventListener("click", function (e) {
      var b = e.target.closest("button.copy");
      if (!b) return;
      var el = document.getElementById(b.getAttribute("data-copy"));
      var text = el.textContent;
      var done = function () { status.textContent = citePop.getAttribute("data-copied"); };
      var fallback = function () {
        var r = document.createRange();
        r.selectNodeContents(el);
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
        status.textContent = citePop.getAttribute(ok ? "data-copied" : "data-copy-failed");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  }
})();
