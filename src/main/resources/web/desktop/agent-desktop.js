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

  // 智能辅助: categories, departments and articles for what the agent has typed, a moment after they stop typing
  const form = $('registration');
  const field = name => form.querySelector('[name=' + name + ']');
  function chip(text, title, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = text;
    button.title = title || '';
    button.addEventListener('click', onClick);
    return button;
  }
  function choose(select, value) {
    if ([...select.options].some(option => option.value === value)) {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    }
  }
  function percent(confidence) {
    return Math.round(confidence * 100) + '%';
  }
  function adopt(article) {
    $('direct-answer').value = article.answer;
    $('answer-article').value = article.slug;
    $('answer-article-title').value = article.title;
    $('answer-article-name').textContent = article.title;
    $('answer-article-shown').hidden = false;
  }
  $('answer-article-clear').addEventListener('click', () => {
    $('answer-article').value = '';
    $('answer-article-title').value = '';
    $('answer-article-shown').hidden = true;
  });
  function showAssistance(result) {
    $('assist-error').hidden = true;
    if (!result.dispatch && !result.articles.length) {
      $('assist-idle').hidden = false;
      $('assist-results').hidden = true;
      return;
    }
    $('assist-idle').hidden = true;
    $('assist-results').hidden = false;
    const dispatch = result.dispatch || { categories: [], departments: [] };
    const categories = dispatch.categories.filter(c => [...field('categoryCode').options].some(o => o.value === c.code));
    $('assist-categories').replaceChildren(...(categories.length ? categories.map(c =>
      chip(c.name + ' ' + percent(c.confidence), c.path, () => choose(field('categoryCode'), c.code))) : [document.createTextNode('—')]));
    $('assist-departments').replaceChildren(...(dispatch.departments.length ? dispatch.departments.slice(0, 3).map(d =>
      chip(d.name + ' ' + percent(d.confidence), d.rule || '', () => choose(field('leadDepartmentCode'), d.code))) : [document.createTextNode('—')]));
    $('assist-proposal').textContent = dispatch.proposal ? '建议：' + dispatch.proposal.explanation : '';
    $('assist-articles').replaceChildren(...(result.articles.length ? result.articles.map(article => {
      const li = item(article.title, '/knowledge/articles/' + article.slug);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(chip('采用此答复', '填入即问即答并记录所用知识', () => adopt(article)));
      return li;
    }) : [item('无')]));
  }
  let assistTimer = null;
  let assistAsked = 0;
  function assist() {
    const asked = ++assistAsked;
    fetch('/agent/assist', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ title: field('title').value, content: field('content').value,
        district: field('district').value, street: field('street').value })
    }).then(response => {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    }).then(result => {
      if (asked === assistAsked) {
        showAssistance(result);
      }
    }).catch(() => {
      $('assist-error').hidden = false;
    });
  }
  ['title', 'content', 'district', 'street'].forEach(name => field(name).addEventListener('input', () => {
    clearTimeout(assistTimer);
    assistTimer = setTimeout(assist, 400);
  }));
  if (field('title').value || field('content').value) {
    assist();
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
