// 回访 by click-to-call: shows what became of the call the agent placed, as /ws/telephony reports it.
(function () {
  'use strict';
  const outcome = document.getElementById('callback-outcome');
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/telephony');
  socket.onopen = () => { document.body.dataset.telephonySocket = 'open'; };
  socket.onmessage = event => {
    const message = JSON.parse(event.data);
    if (message.type === 'callback') {
      outcome.textContent = message.connected ? '已接通' + (message.workOrderNumber ? ' ' + message.workOrderNumber : '') : '未接通：' + (message.reason || '呼叫失败');
      outcome.className = message.connected ? 'ok' : 'error';
    }
  };
})();
