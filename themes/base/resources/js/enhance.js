// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Focus on the error summary, so screen-reader and keyboard users land on what to fix. Its autofocus does this
    // without JavaScript, except inside a partner's cross-origin iframe (the embed), where browsers ignore autofocus.
    var summary = document.querySelector('.error-summary');
    if (summary && document.activeElement !== summary) {
      summary.setAttribute('tabindex', '-1'); // a plugin's summary may lack it
      summary.focus();
    }
    // "Copy" buttons next to read-only share fields.
    document.querySelectorAll('input[data-copy]').forEach(function (input) {
      if (!navigator.clipboard) { return; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-small';
      button.textContent = input.getAttribute('data-copy-label') || 'Copy';
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(input.value).then(function () {
          button.textContent = input.getAttribute('data-copied-label') || 'Copied';
        });
      });
      input.insertAdjacentElement('afterend', button);
    });
  });
})();
