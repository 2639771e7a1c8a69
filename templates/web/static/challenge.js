// The /check page past its rate limit: find n with sha256("<token>:<n>") starting with the
// token's number of zero bits (fraudwatch/web/challenge.py checks it), then send the form
// again. Without Web Crypto (plain http on a public host) the page says to wait instead.
"use strict";

function zeroBits(bytes) {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) { bits += 8; continue; }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

async function solve(form) {
  const token = form.dataset.challenge;
  const bits = Number(token.split(".")[2]);
  const encoder = new TextEncoder();
  for (let n = 0; ; n += 1) {
    const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`${token}:${n}`));
    if (zeroBits(new Uint8Array(digest)) >= bits) {
      return String(n);
    }
  }
}

const form = document.getElementById("challenge");
if (form) {
  if (window.crypto && crypto.subtle) {
    solve(form).then((n) => {
      form.elements.solution.value = n;
      form.submit();
    });
  } else {
    form.querySelector(".working").hidden = true;
    form.querySelector(".wait").hidden = false;
  }
}
