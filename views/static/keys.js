// Keyboard use of the items list, as feed readers have it (progressive enhancement: without this file every row
// is an ordinary link and "Merkitse luetuksi" an ordinary form). j and k move the focus to the next and previous
// row, o opens the focused row, r marks it read through the same POST as the item page's button and comes back to
// it. Keys typed into a field, or with Ctrl, Alt or Meta, are left alone.
(function () {
  'use strict';
  var table = document.querySelector('table[data-keys]');
  if (!table) return;
  var links = Array.prototype.slice.call(table.querySelectorAll('tbody tr > th > a[href^="/items/"]'));
  if (!links.length) return;

  function itemId(link) {
    return link.getAttribute('href').slice('/items/'.length);
  }

  function current() {
    return links.indexOf(document.activeElement);
  }

  function focusRow(n) {
    var link = links[Math.max(0, Math.min(links.length - 1, n))];
    link.focus();
    link.closest('tr').scrollIntoView({ block: 'nearest' });
  }

  function markRead(link) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = '/items/' + itemId(link) + '/read';
    var fields = { _csrf: table.getAttribute('data-csrf'), back: location.pathname + location.search + '#rivi-' + itemId(link) };
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    var at = current();
    if (e.key === 'j') focusRow(at + 1);
    else if (e.key === 'k') focusRow(at < 0 ? 0 : at - 1);
    else if (e.key === 'o' && at >= 0) location.href = links[at].href;
    else if (e.key === 'r' && at >= 0 && table.getAttribute('data-csrf')) markRead(links[at]);
    else return;
    e.preventDefault();
  });

  // Back from marking a row read: the focus returns to that row.
  var back = /^#rivi-(\d+)$/.exec(location.hash);
  if (back) {
    var n = links.findIndex(function (l) { return itemId(l) === back[1]; });
    if (n >= 0) focusRow(n);
  }
})();
