// 实时监控: renders each wallboard snapshot from /ws/wallboard (one at once, then one a second).
(function () {
  'use strict';
  const labels = {};
  document.querySelectorAll('#labels dt').forEach(dt => { labels[dt.textContent] = dt.nextElementSibling.textContent; });
  // agents by name: the queues know their usernames
  const names = {};
  document.querySelectorAll('#names dt').forEach(dt => { names[dt.textContent] = dt.nextElementSibling.textContent; });
  const QUEUES = { 'hotline': '12345 热线', 'business-desk': '营商环境专席' };
  const $ = id => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? minutes + ' 分 ' + (seconds % 60) + ' 秒' : seconds + ' 秒';
  }

  function figure(name, value, id, className) {
    const box = el('div', null, 'figure' + (className ? ' ' + className : ''));
    const number = el('b', value);
    number.id = id;
    box.append(number, el('span', name));
    return box;
  }

  function renderQueue(board, queue) {
    const panel = el('section', null, 'panel');
    panel.id = 'queue-' + queue.queue;
    panel.append(el('h2', QUEUES[queue.queue] || queue.queue));
    const figures = el('div', null, 'figures');
    const share = queue.answeredWithinTargetShare;
    const met = queue.targetMet === null ? '' : queue.targetMet ? 'ok' : 'missed';
    figures.append(
      figure('排队', queue.waiting, queue.queue + '-waiting', queue.waiting > 0 ? 'busy' : ''),
      figure('最长等待', duration(queue.longestWaitSeconds), queue.queue + '-longest'),
      figure('今日接通', queue.answeredToday, queue.queue + '-answered'),
      figure('今日放弃', queue.abandonedToday, queue.queue + '-abandoned'),
      figure(board.targetSeconds + ' 秒接通率（目标 ' + Math.round(board.targetShare * 100) + '%）',
        share === null ? '—' : (share * 100).toFixed(1) + '%', queue.queue + '-share', met));
    const states = Object.entries(queue.agents || {}).map(([state, count]) => (labels[state] || state) + ' ' + count);
    panel.append(figures, el('p', states.length ? '坐席：' + states.join('，') : '坐席：无', 'muted'));
    return panel;
  }

  function percent(share) {
    return share === null || share === undefined ? '—' : (share * 100).toFixed(1) + '%';
  }

  // 漏接回拨: the list now and today's callbacks against the target and the day
  function renderCallbacks(callbacks) {
    if (!callbacks) {
      return;
    }
    const today = callbacks.today;
    // the city's time as the service writes it (2026-12-07T16:48:05+08:00), whatever the browser's zone
    const oldest = callbacks.oldestWaitingSince
      ? callbacks.oldestWaitingSince.slice(5, 16).replace('T', ' ') : '—';
    $('callbacks').querySelector('.figures').replaceChildren(
      figure('待回拨', callbacks.waiting, 'callbacks-waiting', callbacks.waiting > 0 ? 'busy' : ''),
      figure('最早漏接', oldest, 'callbacks-oldest'),
      figure('今日漏接号码', today.missed, 'callbacks-missed'),
      figure(callbacks.targetMinutes + ' 分钟内回拨率（' + today.withinTarget + ' / ' + today.dueTarget + '）',
        percent(today.withinTargetShare), 'callbacks-within-target'),
      figure('当日回拨率（' + today.withinDay + ' / ' + today.dueDay + '）', percent(today.withinDayShare),
        'callbacks-within-day'));
  }

  function render(board) {
    $('board-time').textContent = new Date(board.at).toLocaleTimeString('zh-CN', { hour12: false });
    $('board-status').textContent = !board.telephonyEnabled
      ? '未接入电话系统：以上为工单数据；接入后此处显示排队与坐席状态。'
      : board.connected ? '' : '与电话系统的连接已断开';
    $('board-status').className = board.connected || !board.telephonyEnabled ? 'muted' : 'notice fail';
    $('queues').replaceChildren(...board.queues.map(queue => renderQueue(board, queue)));
    renderCallbacks(board.callbacks);
    const rows = board.agents.filter(a => a.username).map(agent => {
      const row = el('tr');
      row.dataset.username = agent.username;
      const state = el('td', labels[agent.state] || agent.state, 'state ' + agent.state);
      row.append(el('td', names[agent.username] || agent.username), el('td', agent.device), state, el('td', agent.pauseReason || ''),
        el('td', duration((Date.parse(board.at) - Date.parse(agent.since)) / 1000)),
        el('td', agent.queues.map(q => QUEUES[q] || q).join('、')));
      return row;
    });
    const body = $('agents').tBodies[0];
    if (rows.length) {
      body.replaceChildren(...rows);
    } else {
      const empty = el('tr');
      const cell = el('td', '暂无签入的坐席', 'muted');
      cell.colSpan = 6;
      empty.append(cell);
      body.replaceChildren(empty);
    }
  }

  function connect(wait) {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/wallboard');
    socket.onmessage = event => {
      wait = 1000;
      const message = JSON.parse(event.data);
      if (message.type === 'wallboard') {
        render(message);
      }
    };
    socket.onclose = () => {
      $('board-status').textContent = '实时数据已中断，正在重连…';
      setTimeout(() => connect(Math.min(wait * 2, 30000)), wait);
    };
  }
  connect(1000);

  // the work orders' figures, with telephony or without: ids figure-<name> hold the numbers
  const FIGURES = { registered: 'registeredToday', closed: 'closedToday', held: 'heldByDepartments',
    dispatch: 'toDispatch', review: 'repliesToReview', callbacks: 'callbacksDue', overdue: 'overdue' };
  setInterval(() => {
    fetch('/supervisor/wallboard/figures', { headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : null)
      .then(figures => {
        if (figures) {
          Object.entries(FIGURES).forEach(([id, key]) => { $('figure-' + id).textContent = figures[key]; });
        }
      })
      .catch(() => { /* the next round tries again */ });
  }, 30000);
})();
