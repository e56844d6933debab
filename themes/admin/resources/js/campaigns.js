/* The campaign edit page, as progressive enhancement (the Preview button works without it): the preview follows
   the text as staff type; the server renders it in the campaign's theme. */
(function () {
  'use strict';

  var form = document.querySelector('form[data-preview-url]');
  var frame = document.querySelector('iframe[data-preview]');
  var status = document.querySelector('[data-preview-status]');
  if (form && frame && window.fetch && window.URLSearchParams && window.FormData) {
    var timer = null;
    var sent = 0;
    var refresh = function () {
      var mine = ++sent;
      var body = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute('data-preview-url'), {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': form.querySelector('input[name="_csrf"]').value }
      }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.text();
      }).then(function (html) {
        if (mine === sent) {
          frame.srcdoc = html;
          status.textContent = '';
        }
      }).catch(function () {
        status.textContent = 'The preview could not follow your typing; press Preview to see it.';
      });
    };
    var later = function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 500);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  }
}());
