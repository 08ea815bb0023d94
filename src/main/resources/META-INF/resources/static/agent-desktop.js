// 坐席工作台: the screen pop and the agent's state arrive over /ws/telephony; the pop fills the registration form.
(function () {
  'use strict';
  const labels = {};
  document.querySelectorAll('#labels dt').forEach(dt => { labels[dt.textContent] = dt.nextElementSibling.textContent; });
  const label = value => (value && labels[value]) || value || '—';
  const $ = id => document.getElementById(id);
  let lastPop = null;

  function item(text, href) {
    const li = document.createElement('li');
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    return li;
  }

  function list(id, entries, empty) {
    const ul = $(id);
    ul.replaceChildren(...(entries.length ? entries : [item(empty)]));
  }

  function showPop(pop) {
    lastPop = pop;
    // kept for this tab, so that the pop of the call in progress survives the page's own reloads (form posts)
    sessionStorage.setItem('hotline.pop', JSON.stringify(pop));
    $('pop-waiting').hidden = true;
    $('pop').hidden = false;
    $('screen-pop').classList.add('ringing');
    $('pop-number').textContent = pop.callerNumber || '未知号码';
    $('pop-repeat').hidden = !pop.repeatCall;
    $('pop-repeat').textContent = pop.repeatCall ? '重复来电（近期 ' + pop.recentCalls + ' 次）' : '';
    $('pop-enterprise').hidden = !pop.enterprise;
    $('pop-ivr').textContent = label(pop.ivrChoice);
    $('pop-queue').textContent = pop.queue === 'business-desk' ? '营商环境专席' : '12345 热线';
    $('pop-company').textContent = pop.knownEnterprise
      ? pop.knownEnterprise.name + '（' + pop.knownEnterprise.creditCode + '）' : '—';
    const order = o => item(o.number + ' ' + label(o.status) + ' · ' + o.title + (o.leadDepartment ? ' · ' + o.leadDepartment : ''));
    list('pop-open', (pop.openWorkOrders || []).map(order), '无');
    list('pop-past', (pop.pastWorkOrders || []).map(order), '无');
    list('pop-articles', (pop.articles || []).map(a => item(a.title, '/knowledge/articles/' + a.slug)), '无');
  }

  function useCall() {
    if (!lastPop) {
      return;
    }
    $('call-id').value = lastPop.callId;
    $('call-linked-id').textContent = lastPop.callId;
    $('call-linked').hidden = false;
    if (lastPop.callerNumber) {
      $('phone-number').value = lastPop.callerNumber;
    }
    if (lastPop.enterprise) {
      $('enterprise-request').checked = true;
    }
    if (lastPop.knownEnterprise) {
      document.querySelector('[name=enterpriseName]').value = lastPop.knownEnterprise.name;
      $('credit-code').value = lastPop.knownEnterprise.creditCode;
    }
    $('title').focus();
  }

  function showState(message) {
    const state = $('agent-state');
    if (!state) {
      return;
    }
    state.textContent = label(message.state);
    state.className = 'state ' + message.state;
    $('pause-reason').textContent = message.pauseReason ? '（' + message.pauseReason + '）' : '';
    if (message.state !== 'RINGING' && message.state !== 'ON_CALL') {
      $('screen-pop').classList.remove('ringing');
    }
  }

  function connect(wait) {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/telephony');
    socket.onopen = () => { wait = 1000; document.body.dataset.telephonySocket = 'open'; };
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'screen-pop') {
        showPop(message);
      } else if (message.type === 'agent-state') {
        showState(message);
      }
    };
    socket.onclose = () => {
      document.body.dataset.telephonySocket = 'closed';
      setTimeout(() => connect(Math.min(wait * 2, 30000)), wait);
    };
  }

  // GB 32100-2015: the 18th character checks the first 17
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  function creditCodeValid(code) {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
      return false;
    }
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      sum += CHARS.indexOf(code[i]) * WEIGHTS[i];
    }
    return CHARS[(31 - sum % 31) % 31] === code[17];
  }

  const creditCode = $('credit-code');
  creditCode.addEventListener('input', () => {
    const code = creditCode.value.trim().toUpperCase();
    $('credit-code-check').textContent = code === '' ? '' : creditCodeValid(code) ? '校验通过' : '校验码不符';
  });
  $('use-call').addEventListener('click', useCall);
  document.addEventListener('keydown', event => {
    if (event.altKey && event.key.toLowerCase() === 'u') {
      useCall();
    }
  });
  if ($('agent-state')) {
    const stored = JSON.parse(sessionStorage.getItem('hotline.pop') || 'null');
    if (stored && stored.callId === $('agent-state').dataset.callId) {
      showPop(stored);
    }
    connect(1000);
  }
})();
