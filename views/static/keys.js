// Keyboard use of the items list, as feed readers have it (progressive enhancement: without this file every row
// is an ordinary link and "Merkitse luetuksi" an ordinary form). j and k move the focus to the next and previous
// row, o opens the focused row, r marks it read through the same POST as the item page's button and comes back to
// it (or, in a list of unread items that no longer shows it, to the row that followed it). Keys typed into a field,
// or with Ctrl, Alt or Meta, are left alone.
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
    // The row to come back to if the list no longer shows this one: the next row, or the previous one after the last.
    var at = links.indexOf(link);
    var then = links[at + 1] || links[at - 1];
    var hash = '#rivi-' + itemId(link) + (then ? '-' + itemId(then) : '');
    var fields = { _csrf: table.getAttribute('data-csrf'), back: location.pathname + location.search + hash };
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

  // Back from marking a row read: the focus returns to that row, or to the one that followed it when the list (of
  // unread items) no longer shows it.
  var back = /^#rivi-(\d+)(?:-(\d+))?$/.exec(location.hash);
  if (back) {
    var find = function (id) { return links.findIndex(function (l) { return itemId(l) === id; }); };
    var n = find(back[1]);
    if (n < 0 && back[2]) n = find(back[2]);
    if (n >= 0) focusRow(n);
  }
})();
