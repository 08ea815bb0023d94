// Notifications (催办, 督办, 红黄牌, …) arrive over /ws/notifications while any page is open; each shows as a notice and
// counts in the header until it is read in the notification centre (/notifications).
(function () {
  'use strict';
  const box = document.getElementById('live-notices');
  if (!box) {
    return;
  }

  // the header's unread count goes up with each notification that arrives while the page is open
  function countOne() {
    const count = document.getElementById('unread-count');
    if (count) {
      count.textContent = String((parseInt(count.textContent, 10) || 0) + 1);
      count.hidden = false;
    }
  }

  function show(notification) {
    countOne();
    const notice = document.createElement('div');
    notice.className = 'live-notice';
    const title = document.createElement('b');
    title.textContent = notification.title;
    const body = document.createElement('span');
    body.textContent = notification.body;
    notice.append(title, body);
    if (notification.workOrderNumber) {
      const link = document.createElement('a');
      link.textContent = notification.workOrderNumber;
      link.href = location.pathname.startsWith('/department') ? '/department/work-orders/' + notification.workOrderNumber
        : '/hotline/work-orders/' + notification.workOrderNumber;
      notice.append(link);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'link';
    close.textContent = '关闭';
    close.addEventListener('click', () => notice.remove());
    notice.append(close);
    box.prepend(notice);
  }

  function connect(wait) {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/notifications');
    socket.onopen = () => { wait = 1000; };
    socket.onmessage = event => show(JSON.parse(event.data));
    socket.onclose = () => setTimeout(() => connect(Math.min(wait * 2, 60000)), wait);
  }
  connect(1000);
})();
