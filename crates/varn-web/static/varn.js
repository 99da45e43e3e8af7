// Värn's only script of its own: confirmations for destructive buttons (no inline script,
// so the Content-Security-Policy can forbid it). Everything works without JavaScript.
document.addEventListener("submit", function (ev) {
  var f = ev.target;
  var msg = f && f.getAttribute && f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) { ev.preventDefault(); }
}, true);

// On narrow screens the main menu folds behind a button. Without JavaScript the button stays
// hidden and the whole menu shows, so nothing depends on this script.
(function () {
  var btn = document.querySelector(".menu-toggle");
  var menu = document.getElementById("main-menu");
  if (!btn || !menu) { return; }
  btn.hidden = false;
  document.documentElement.classList.add("js");
  btn.addEventListener("click", function () {
    var open = btn.getAttribute("aria-expanded") === "true";
    btn.setAttribute("aria-expanded", open ? "false" : "true");
  });
  // Escape closes the open menu and gives the focus back to its button.
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && btn.getAttribute("aria-expanded") === "true") {
      btn.setAttribute("aria-expanded", "false");
      btn.focus();
    }
  });
})();

// A table wider than the screen scrolls inside its wrapper; the wrapper then takes the
// keyboard focus so that it can be scrolled without a mouse (WCAG 2.1.1).
(function () {
  var wraps = document.querySelectorAll(".table-wrap");
  for (var i = 0; i < wraps.length; i++) {
    var w = wraps[i];
    if (w.scrollWidth > w.clientWidth && !w.hasAttribute("tabindex")) {
      w.setAttribute("tabindex", "0");
      var cap = w.querySelector("caption");
      if (cap) { w.setAttribute("role", "region"); w.setAttribute("aria-label", cap.textContent.trim()); }
    }
  }
})();

// The document form: choosing a type suggests what the policy says for it (deciding body,
// validity). The server checks the rules either way.
(function () {
  var type = document.getElementById("f-doc_type");
  var body = document.getElementById("f-deciding_body");
  if (!type || !body) { return; }
  var bodies = { policy: "kommunfullmaktige", strategi: "kommunstyrelse", riktlinje: "kommunstyrelse", anvisning: "chef" };
  type.addEventListener("change", function () {
    if (bodies[type.value]) { body.value = bodies[type.value]; }
    var v = document.querySelector("input[name=validity][value=" + (type.value === "strategi" ? "until" : "tills_vidare") + "]");
    if (v) { v.checked = true; }
  });
})();

// An upload that is checked on the server (an import) shows that it is under way. Without
// JavaScript the form works the same, without the notice.
document.addEventListener("submit", function (ev) {
  var id = ev.target && ev.target.getAttribute && ev.target.getAttribute("data-progress");
  var note = id && document.getElementById(id);
  if (note && !ev.defaultPrevented) { note.hidden = false; }
});
