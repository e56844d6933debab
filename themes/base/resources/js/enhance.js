// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Move focus to an error summary so screen-reader and keyboard users land on what to fix.
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
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
