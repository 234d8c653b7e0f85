// Progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // Report page: light up the whole sentence an evidence link points to.
  function lightUp() {
    document.querySelectorAll('mark.current').forEach(function (m) { m.classList.remove('current'); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^s-\d+-\d+$/.test(id)) return;
    document.querySelectorAll('mark.in-' + id).forEach(function (m) { m.classList.add('current'); });
  }
  window.addEventListener('hashchange', lightUp);
  lightUp();

  // Tables marked "sortable": a button in each header sorts by that column (keyboard reachable).
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = x.cells[col].textContent.trim(), c = y.cells[col].textContent.trim();
          var na = parseFloat(a), nc = parseFloat(c);
          var r = (!isNaN(na) && !isNaN(nc)) ? na - nc : a.localeCompare(c);
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
