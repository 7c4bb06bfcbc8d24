// Secretaría Virtual: small progressive enhancements. The site works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("has-js");

  // Main navigation: on narrow screens (see site.css) the list collapses behind a button.
  var toggle = document.querySelector(".nav-toggle");
  var list = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  // Some browsers do not move keyboard focus with an in-page link: do it for the skip link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.skip-link");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (target) target.focus();
  });
})();
