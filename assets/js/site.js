// site.js (every page): the language switch keeps the reader's place.
// Without JS the switch links open the top of the counterpart page.
(function () {
  "use strict";
  var idRE = /^(p\d+(-\d+)?|s\d+)$/;

  // currentPlace returns the id of the paragraph or section being read:
  // the hash when it names one, otherwise the first one in the viewport.
  function currentPlace() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (idRE.test(h)) return h;
    if (window.scrollY < 40) return "";
    var els = document.querySelectorAll("main [id]");
    for (var i = 0; i < els.length; i++) {
      if (!idRE.test(els[i].id)) continue;
      if (els[i].getBoundingClientRect().bottom > 8) return els[i].id;
    }
    return "";
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-lang-switch]");
    if (!a) return;
    var place = currentPlace();
    if (place && a.href.indexOf("#") < 0) a.href = a.href + "#" + place;
  });
})();
