// The review and board forms checked before they are sent, as the server checks them (progressive enhancement:
// without this file the server refuses such a form and its error page keeps the note): a review saved as relevant
// needs a goal; an answer marked submitted needs the link to it. The messages are the server's, in the page's language
// (data-need-goal, data-need-url). A refused form stays on the page with everything typed in it.
(function () {
  'use strict';

  function clear(form) {
    var fields = form.querySelectorAll('input');
    for (var i = 0; i < fields.length; i++) fields[i].setCustomValidity('');
  }

  function refuse(e, field, message) {
    e.preventDefault();
    field.setCustomValidity(message);
    field.reportValidity();
  }

  // A custom message blocks every later submit until cleared: clear it when the person changes a field or presses a
  // submit button (the "not relevant" button needs no goal), then check again on submit.
  document.addEventListener('change', function (e) {
    if (e.target.form) clear(e.target.form);
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[type="submit"], button:not([type])');
    if (button && button.form) clear(button.form);
  });

  // A review's note is kept in this tab (sessionStorage, keyed by the form's item) until it is saved, so that a form the
  // server refuses (a session that ended, a second tab's review, a busy database) loses nothing: the item page puts it
  // back in the empty field. Saved is when the page after the form shows a message and a newer review than the form
  // did (its "seen"; the board's forms have none: the message alone); anything else keeps it.
  var NOTE = 'lakivahti.note:';
  function kept(form) {
    try {
      return JSON.parse(sessionStorage.getItem(NOTE + form.getAttribute('action')) || 'null');
    } catch (err) {
      return null;
    }
  }
  function keep(form, entry) {
    try {
      if (entry && entry.note) sessionStorage.setItem(NOTE + form.getAttribute('action'), JSON.stringify(entry));
      else sessionStorage.removeItem(NOTE + form.getAttribute('action'));
    } catch (err) {
      // Storage refused (full, or turned off): the server's error page still shows the note.
    }
  }
  // The latest review the form showed; a form without one (the board's) has nothing newer to show after saving.
  function seen(form) {
    var field = form.querySelector('input[name="seen"]');
    return field ? field.value : null;
  }
  var forms = document.querySelectorAll('form.review-form');
  var flash = document.querySelector('.flash p');
  for (var i = 0; i < forms.length; i++) {
    var entry = kept(forms[i]);
    var note = forms[i].querySelector('textarea[name="note"]');
    if (!entry || !note) continue;
    if (entry.sent !== undefined && flash && (entry.sent === null || seen(forms[i]) !== entry.sent)) keep(forms[i], null);
    else {
      // The browser may have put it back itself (a reload); on the board the form is in its row's closed "Muokkaa":
      // open it, so that the note is seen, not only kept.
      if (!note.value) note.value = entry.note;
      var row = note.closest('details');
      if (row) row.open = true;
    }
  }
  document.addEventListener('input', function (e) {
    var form = e.target.form;
    if (form && e.target.name === 'note' && form.classList.contains('review-form')) keep(form, { note: e.target.value });
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    // Signing out on purpose leaves no note behind in the tab (a shared computer); a session that ended keeps it.
    if (form.getAttribute('action') === '/logout') {
      try {
        for (var k = sessionStorage.length - 1; k >= 0; k--) if (sessionStorage.key(k).indexOf(NOTE) === 0) sessionStorage.removeItem(sessionStorage.key(k));
      } catch (err) {
        // Nothing kept.
      }
      return;
    }
    var goals = form.querySelectorAll('input[name="goals"]');
    var decision = e.submitter ? e.submitter.value : '';
    if (goals.length && form.hasAttribute('data-need-goal') && decision !== 'not-relevant' && !form.querySelector('input[name="goals"]:checked'))
      return refuse(e, goals[0], form.getAttribute('data-need-goal'));
    var status = form.querySelector('select[name="status"]');
    var url = form.querySelector('input[name="response_url"][data-need-url]');
    if (status && url && status.value === 'submitted' && !url.value.trim()) return refuse(e, url, url.getAttribute('data-need-url'));
    var note = form.classList.contains('review-form') && form.querySelector('textarea[name="note"]');
    if (note) keep(form, { note: note.value, sent: seen(form) });
  });
})();
