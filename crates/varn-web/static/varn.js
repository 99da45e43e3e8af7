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

// A form that came back with mistakes: each line of the error summary names its field (the
// field's own label, as the page shows it), and the summary takes the focus so that a screen
// reader reads it first and the keyboard starts there. Without JavaScript the summary still
// lists every mistake, each a link to its field.
(function () {
  var sum = document.getElementById("error-summary");
  if (!sum) { return; }
  var links = sum.querySelectorAll("a[href^='#']");
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    var field = document.getElementById(a.getAttribute("href").slice(1));
    if (!field) { continue; }
    var label = document.querySelector("label[for='" + field.id + "']");
    var set = field.closest ? field.closest("fieldset") : null;
    var text = label ? label.textContent : (set && set.querySelector("legend") ? set.querySelector("legend").textContent : "");
    text = text.replace(/\s+/g, " ").trim().replace(/[:*]$/, "");
    if (text && a.textContent.indexOf(text) !== 0) {
      var name = document.createElement("strong");
      name.textContent = text + (/[?!.]$/.test(text) ? " " : ": ");
      a.insertBefore(name, a.firstChild);
    }
  }
  sum.focus();
})();

// Every field that names a person becomes a combobox (the ARIA 1.2 pattern): typing two
// characters or more lists the people the reader may name (from /people: name, unit, role),
// the arrows move through the list, Enter or a click chooses, Escape closes. The field then
// holds "Name (sign-in name)", which the server reads; without JavaScript the whole name is
// typed instead. The list's count is announced in a live region.
// A field that htmx swaps in (the audit log's person filter, sent back with its message) is
// made a combobox when it arrives; each field once.
(function () {
  function people(root) {
    if (!root || !root.querySelectorAll) { return; }
    var fields = Array.prototype.slice.call(root.querySelectorAll("input[data-people]"));
    if (root.matches && root.matches("input[data-people]")) { fields.push(root); }
    fields.forEach(combobox);
  }
  function combobox(input) {
    if (input.getAttribute("data-people-ready")) { return; }
    input.setAttribute("data-people-ready", "1");
    var list = document.createElement("ul");
    list.id = "lb-" + input.id;
    list.className = "people-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("p");
    status.id = "st-" + input.id;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.insertBefore(list, input.nextSibling);
    input.parentNode.insertBefore(status, list.nextSibling);
    var timer = null, active = -1, seq = 0;
    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function open() {
      if (options().length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    }
    function mark(i) {
      var o = options();
      if (!o.length) { return; }
      open();
      active = (i + o.length) % o.length;
      for (var k = 0; k < o.length; k++) { o[k].setAttribute("aria-selected", k === active ? "true" : "false"); }
      input.setAttribute("aria-activedescendant", o[active].id);
      if (o[active].scrollIntoView) { o[active].scrollIntoView({ block: "nearest" }); }
    }
    function choose(o) {
      input.value = o.getAttribute("data-value");
      close();
      status.textContent = o.textContent;
    }
    function search() {
      var q = input.value.trim();
      var mine = ++seq;
      fetch(input.getAttribute("data-people") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          if (mine !== seq) { return; }
          var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
          list.textContent = "";
          var items = doc.querySelectorAll("li[data-value]");
          for (var i = 0; i < items.length; i++) {
            var o = document.createElement("li");
            o.id = list.id + "-" + i;
            o.setAttribute("role", "option");
            o.setAttribute("aria-selected", "false");
            o.setAttribute("data-value", items[i].getAttribute("data-value"));
            o.textContent = items[i].textContent;
            o.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(ev.currentTarget); });
            list.appendChild(o);
          }
          var said = doc.querySelector("[data-status]");
          status.textContent = said ? said.textContent : "";
          active = -1;
          if (items.length) { open(); } else { close(); }
        });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length < 2) { close(); list.textContent = ""; return; }
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); mark(active + 1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); mark(active - 1); }
      else if (ev.key === "Enter" && !list.hidden && active >= 0) { ev.preventDefault(); choose(options()[active]); }
      else if (ev.key === "Escape" && !list.hidden) { ev.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  people(document);
  document.addEventListener("htmx:load", function (ev) { people(ev.detail && ev.detail.elt); });
})();

// A list filtered in place (htmx swaps the results): its new count is said in the page's own
// live region, which stays while the results around it are replaced (a region swapped in
// with them is not announced).
document.addEventListener("htmx:afterSettle", function () {
  var count = document.querySelector("[data-count]");
  var live = document.getElementById("live-status");
  if (count && live) { live.textContent = count.textContent.replace(/\s+/g, " ").trim(); }
});
