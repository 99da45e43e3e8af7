// Värn's only script of its own: confirmations for destructive buttons (no inline script,
// so the Content-Security-Policy can forbid it). Everything works without JavaScript.
document.addEventListener("submit", function (ev) {
  var f = ev.target;
  var msg = f && f.getAttribute && f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) { ev.preventDefault(); }
}, true);
