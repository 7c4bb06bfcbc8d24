// The gallery's lightbox and the consent step of external videos. No inline code (the CSP forbids
// it) and nothing loaded from elsewhere until the visitor asks.
//
// Lightbox: each thumbnail is a link to the photo's own page, so without JavaScript it still works.
// With it, a click (or Enter) opens a modal dialog: focus moves into it and stays there (Tab cycles
// its buttons), Left/Right or the buttons change photo, Escape or "Close" shuts it and focus returns
// to the thumbnail that opened it. The caption and the count are announced (aria-live).
(function () {
  "use strict";

  function setupLightbox(list) {
    var box = document.getElementById("lightbox");
    if (!box) return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a[data-full]"));
    var img = box.querySelector(".lightbox-image");
    var caption = box.querySelector(".lightbox-caption");
    var count = box.querySelector(".lightbox-count");
    var template = document.getElementById("lightbox-strings");
    var countText = template ? template.getAttribute("data-count") : "{n} / {total}";
    var current = -1;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      img.src = link.getAttribute("data-full");
      img.alt = link.getAttribute("data-alt") || "";
      if (link.getAttribute("data-width")) {
        img.width = link.getAttribute("data-width");
        img.height = link.getAttribute("data-height");
      }
      var text = link.getAttribute("data-caption") || "";
      var credit = link.getAttribute("data-credit");
      caption.textContent = credit ? text + " © " + credit : text;
      count.textContent = countText.replace("{n}", current + 1).replace("{total}", links.length);
    }

    function open(index) {
      opener = links[index];
      box.hidden = false;
      document.body.classList.add("lightbox-open");
      show(index);
      box.querySelector("[data-action=close]").focus();
    }

    function close() {
      box.hidden = true;
      document.body.classList.remove("lightbox-open");
      img.removeAttribute("src");
      if (opener) opener.focus();
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return; // a new tab: the photo's page
        event.preventDefault();
        open(index);
      });
    });
    box.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-action");
      if (action === "prev") show(current - 1);
      else if (action === "next") show(current + 1);
      else if (action === "close" || event.target === box) close();
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      } else if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "Tab") {
        var buttons = Array.prototype.slice.call(box.querySelectorAll("button"));
        var first = buttons[0];
        var last = buttons[buttons.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    });
  }

  function setupExternal(block) {
    var button = block.querySelector(".media-consent");
    var src = block.getAttribute("data-embed");
    if (!button || !src) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = block.getAttribute("data-title") || "";
      frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.className = "media-embed";
      block.replaceChildren(frame);
      frame.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-lightbox]").forEach(setupLightbox);
    document.querySelectorAll(".media-external").forEach(setupExternal);
  });
})();
