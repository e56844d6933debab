// Inside a partner's iframe (/embed/…): tell the page around it how tall this page is, so it can size the
// frame without a scroll bar. Only a number leaves the frame; the partner's chorus-embed.js checks who sent it.
(function () {
  'use strict';
  if (window.parent === window) { return; }
  var last = 0;
  function report() {
    var h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ chorusEmbedHeight: h }, '*');
    }
  }
  document.addEventListener('DOMContentLoaded', report);
  window.addEventListener('load', report);
  if (window.ResizeObserver) {
    new ResizeObserver(report).observe(document.documentElement);
  } else {
    window.addEventListener('resize', report);
  }
})();
