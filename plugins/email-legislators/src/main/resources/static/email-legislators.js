// Progressive enhancement for the email action: "use my location" and a live preview of each legislator's
// letter. The form works without this file; nothing here talks to any host but this one.
(function () {
  'use strict';
  function ready(fn) { if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); } }
  ready(function () {
    document.querySelectorAll('form.email-legislators').forEach(function (form) {
      var preview = form.querySelector('[data-el-preview]');
      var lat = form.querySelector('[data-el-lat]');
      var lon = form.querySelector('[data-el-lon]');
      var timer = null;

      function params() {
        var p = new URLSearchParams();
        p.set('campaign', preview.getAttribute('data-campaign'));
        p.set('action', preview.getAttribute('data-action'));
        ['street', 'zip', 'town', 'first_name', 'last_name', 'body', 'personal', 'lat', 'lon'].forEach(function (n) {
          var el = form.elements[n];
          if (el && el.value) { p.set(n, el.value); }
        });
        var lang = form.elements['_lang'];
        if (lang) { p.set('lang', lang.value); }
        return p;
      }

      function render(data) {
        preview.textContent = '';
        if (!data.letters || data.letters.length === 0) { preview.hidden = true; return; }
        var h = document.createElement('h3');
        h.textContent = data.heading;
        preview.appendChild(h);
        data.letters.forEach(function (l) {
          var article = document.createElement('article');
          article.className = 'el-preview-letter';
          var h4 = document.createElement('h4');
          h4.textContent = l.heading;
          var subject = document.createElement('p');
          var strong = document.createElement('strong');
          strong.textContent = l.subject;
          subject.appendChild(strong);
          var pre = document.createElement('pre');
          pre.className = 'el-letter-text';
          pre.textContent = l.body;
          article.appendChild(h4);
          if (l.stances && l.stances.length) {
            var sh = document.createElement('p');
            sh.className = 'el-stances-heading';
            sh.textContent = l.stancesHeading;
            var ul = document.createElement('ul');
            ul.className = 'el-stances';
            l.stances.forEach(function (st) {
              var li = document.createElement('li');
              li.appendChild(document.createTextNode(st.bill + ' (' + st.key + '): '));
              var span = document.createElement('span');
              span.className = 'el-stance el-stance-' + st.stance;
              span.textContent = st.label;
              li.appendChild(span);
              ul.appendChild(li);
            });
            article.appendChild(sh);
            article.appendChild(ul);
          }
          article.appendChild(subject);
          article.appendChild(pre);
          preview.appendChild(article);
        });
        preview.hidden = false;
      }

      function refresh() {
        var p = params();
        if (!p.get('zip') && !p.get('town') && !p.get('lat')) { return; }
        fetch(preview.getAttribute('data-url') + '?' + p.toString(), { headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { letters: [] }; })
          .then(render)
          .catch(function () { preview.hidden = true; });
      }

      form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 500);
      });

      var locate = form.querySelector('[data-el-locate]');
      var button = form.querySelector('[data-el-locate-button]');
      var status = form.querySelector('[data-el-locate-status]');
      if (locate && button && navigator.geolocation) {
        locate.hidden = false;
        button.addEventListener('click', function () {
          status.textContent = button.getAttribute('data-el-previewing');
          navigator.geolocation.getCurrentPosition(function (pos) {
            lat.value = pos.coords.latitude.toFixed(6);
            lon.value = pos.coords.longitude.toFixed(6);
            status.textContent = button.getAttribute('data-el-located');
            refresh();
          }, function () {
            status.textContent = button.getAttribute('data-el-denied');
          }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
        });
      }
      refresh();
    });
  });
})();
