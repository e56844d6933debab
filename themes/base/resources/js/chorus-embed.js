// For partner sites: sizes every <iframe data-chorus-embed src="https://…/embed/campaigns/…"> to its content.
//   <iframe src="https://chorus.example/embed/campaigns/SLUG/actions/ACTION?src=partner" title="…"
//           data-chorus-embed style="width:100%;border:0" height="900"></iframe>
//   <script src="https://chorus.example/theme/base/js/chorus-embed.js" async></script>
// The frame works without this script (at its own height); with it, the frame grows and shrinks with its form.
(function () {
  'use strict';
  function origin(url) {
    try { return new URL(url, document.baseURI).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.chorusEmbedHeight !== 'number') { return; }
    var frames = document.querySelectorAll('iframe[data-chorus-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the frame itself may size it, and only from the platform it was loaded from.
      if (frame.contentWindow === event.source && origin(frame.src) === event.origin) {
        var h = Math.max(200, Math.min(10000, Math.round(data.chorusEmbedHeight)));
        frame.style.height = h + 'px';
      }
    }
  });
})();
