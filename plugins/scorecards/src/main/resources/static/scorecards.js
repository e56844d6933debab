// Progressive enhancement for the scorecard table: sorting by a column heading happens in place, without a page
// load, with aria-sort kept true and the new order announced; the address follows, so the view can be shared.
// Without this file every heading is a plain link to the same view sorted by the server.
(function () {
  'use strict';
  function ready(fn) { if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); } }
  ready(function () {
    var table = document.querySelector('[data-sc-table]');
    if (!table || !window.URL || !window.history) { return; }
    var tbody = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var status = document.querySelector('[data-sc-count]');

    function key(row, index, type) {
      var cell = row.cells[index];
      var v = cell.getAttribute('data-sort');
      if (v === null) { v = cell.textContent.trim(); }
      return type === 'number' ? parseFloat(v) : v.toLowerCase();
    }

    function sortBy(column, descending) {
      var index = headers.findIndex(function (h) { return h.getAttribute('data-sc-col') === column; });
      if (index < 0) { return false; }
      var type = headers[index].getAttribute('data-sc-type');
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = key(a, index, type), y = key(b, index, type);
        var c = type === 'number' ? x - y : x.localeCompare(y);
        if (c === 0) { c = key(a, 0, 'text').localeCompare(key(b, 0, 'text')); return c; }
        return descending ? -c : c;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
      headers.forEach(function (h, i) {
        if (i === index) { h.setAttribute('aria-sort', descending ? 'descending' : 'ascending'); }
        else { h.removeAttribute('aria-sort'); }
        var link = h.querySelector('a[data-sc-sort]');
        if (link) {
          var u = new URL(link.href, location.href);
          u.searchParams.set('dir', i === index && !descending ? 'desc' : 'asc');
          link.href = u.pathname + u.search;
        }
      });
      var url = new URL(location.href);
      url.searchParams.set('sort', column);
      url.searchParams.set('dir', descending ? 'desc' : 'asc');
      history.replaceState(null, '', url.pathname + url.search);
      document.querySelectorAll('form.sc-filters input[name=sort]').forEach(function (i) { i.value = column; });
      document.querySelectorAll('form.sc-filters input[name=dir]').forEach(function (i) { i.value = descending ? 'desc' : 'asc'; });
      if (status) {
        // Re-set the live region's text so screen readers announce the new order.
        var base = status.getAttribute('data-sc-base') || status.textContent.trim();
        status.setAttribute('data-sc-base', base);
        status.textContent = '';
        status.textContent = base + ' ' + headers[index].textContent.trim() + ' ' + (descending ? '\u25BC' : '\u25B2');
      }
      return true;
    }

    table.tHead.addEventListener('click', function (e) {
      var link = e.target.closest('a[data-sc-sort]');
      if (!link) { return; }
      var th = link.closest('th');
      var descending = th.getAttribute('aria-sort') === 'ascending';
      if (sortBy(link.getAttribute('data-sc-sort'), descending)) {
        e.preventDefault();
        link.focus();
      }
    });
  });
})();
