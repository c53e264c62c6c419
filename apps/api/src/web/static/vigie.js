// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary so screen-reader and keyboard users meet it first.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
});

// — Appels: after a triage button the redirect names the card acted on in its fragment; the
// browser scrolls to it, this moves the keyboard focus there too (and so reads its status). —
document.addEventListener('DOMContentLoaded', function () {
  if (document.querySelector('.error-summary') || !/^#appel-/.test(location.hash)) return;
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.getAttribute('tabindex') === '-1') target.focus();
});

// — Veilles: « Copier » buttons beside read-only feed addresses. Without this script the
// buttons stay hidden and the user selects the address in its field. —
document.addEventListener('DOMContentLoaded', function () {
  function copyValue(input) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(input.value);
    }
    input.select();
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy'));
  }
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var input = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!input) return;
    button.hidden = false;
    input.addEventListener('focus', function () {
      input.select();
    });
    button.addEventListener('click', function () {
      copyValue(input).then(
        function () {
          if (status) status.textContent = button.getAttribute('data-done');
        },
        function () {
          input.focus();
          input.select();
          if (status)
            status.textContent =
              'Copie impossible ici : l’adresse est sélectionnée, copiez-la avec Ctrl+C.';
        },
      );
    });
  });
});
