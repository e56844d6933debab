// Progressive enhancement for the petition form: how many characters the comment has left. The form works
// without this file; it talks to no host at all.
(function () {
  'use strict';
  function ready(fn) { if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); } }
  ready(function () {
    document.querySelectorAll('form.petition-form').forEach(function (form) {
      var comment = form.elements.comment;
      var left = form.querySelector('[data-petition-left]');
      if (!comment || !left) { return; }
      var max = parseInt(comment.getAttribute('maxlength'), 10);
      var template = left.getAttribute('data-template');
      function update() {
        left.textContent = template.replace('{0}', String(max - comment.value.length));
      }
      left.id = comment.id + '-left';
      var described = comment.getAttribute('aria-describedby');
      comment.setAttribute('aria-describedby', described ? described + ' ' + left.id : left.id);
      left.hidden = false;
      update();
      comment.addEventListener('input', update);
    });
  });
}());
