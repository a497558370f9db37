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

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var goals = form.querySelectorAll('input[name="goals"]');
    var decision = e.submitter ? e.submitter.value : '';
    if (goals.length && form.hasAttribute('data-need-goal') && decision !== 'not-relevant' && !form.querySelector('input[name="goals"]:checked'))
      return refuse(e, goals[0], form.getAttribute('data-need-goal'));
    var status = form.querySelector('select[name="status"]');
    var url = form.querySelector('input[name="response_url"][data-need-url]');
    if (status && url && status.value === 'submitted' && !url.value.trim()) return refuse(e, url, url.getAttribute('data-need-url'));
  });
})();
