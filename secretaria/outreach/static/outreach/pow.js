// The inquiry form's proof of work (secretaria/outreach/pow.py): find a nonce such that
// SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits, then let the form go.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow-difficulty]");
  if (!form || !window.crypto || !window.crypto.subtle) { return; }
  var challenge = form.querySelector("input[name=pow_challenge]");
  var nonceField = form.querySelector("input[name=pow_nonce]");
  var status = form.querySelector("[data-pow-status]");
  var difficulty = parseInt(form.getAttribute("data-pow-difficulty"), 10) || 0;
  var encoder = new TextEncoder();
  function zeroBits(buffer) {
    var bytes = new Uint8Array(buffer), bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      bits += Math.clz32(bytes[i]) - 24; break;
    }
    return bits;
  }
  var solving = null;
  function solve() {
    if (solving) { return solving; }
    solving = (async function () {
      for (var nonce = 0; ; nonce++) {
        var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.value + ":" + nonce));
        if (zeroBits(digest) >= difficulty) { nonceField.value = String(nonce); return; }
      }
    })();
    return solving;
  }
  form.addEventListener("focusin", solve, { once: true });
  form.addEventListener("submit", function (event) {
    if (nonceField.value) { return; }
    event.preventDefault();
    if (status) { status.textContent = status.getAttribute("data-working"); }
    solve().then(function () { form.submit(); });
  });
})();
