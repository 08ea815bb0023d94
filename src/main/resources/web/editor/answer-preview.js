// 知识编辑: the answer's preview beside its text, rendered by the service as agents' pages render it.
(function () {
  'use strict';
  const answer = document.getElementById('answer');
  const preview = document.getElementById('answer-preview');
  if (!answer || !preview) {
    return;
  }
  let timer = null;
  let asked = 0;
  function render() {
    const mine = ++asked;
    fetch('/knowledge/editor/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=UTF-8', 'Accept': 'text/html' },
      body: answer.value
    }).then(response => {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    }).then(html => {
      // the service's HTML is sanitised (raw HTML escaped, unsafe links dropped)
      if (mine === asked) {
        preview.innerHTML = html;
        preview.dataset.rendered = String(mine);
      }
    }).catch(() => {
      preview.textContent = '预览暂不可用，保存后可在条目页查看排版。';
    });
  }
  answer.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  });
})();
