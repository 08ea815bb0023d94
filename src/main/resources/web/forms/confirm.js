// Forms that undo a lot ask first: <form data-confirm="问题"> shows the question and posts only on 确定.
// A bundled script instead of an inline onsubmit handler, which the Content-Security-Policy forbids.
document.addEventListener('submit', (event) => {
  const question = event.target.dataset?.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
