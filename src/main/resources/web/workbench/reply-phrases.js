// 承办单位工作台: a reply phrase (常用语) goes into the reply where the cursor is.
(function () {
  'use strict';
  const reply = document.getElementById('reply-content');
  const phrases = document.getElementById('reply-phrases');
  if (!reply || !phrases) {
    return;
  }
  phrases.addEventListener('click', event => {
    const button = event.target.closest('button[data-text]');
    if (!button) {
      return;
    }
    const text = button.dataset.text;
    const start = reply.selectionStart ?? reply.value.length;
    const end = reply.selectionEnd ?? reply.value.length;
    reply.value = reply.value.slice(0, start) + text + reply.value.slice(end);
    reply.focus();
    reply.selectionStart = reply.selectionEnd = start + text.length;
  });
})();
