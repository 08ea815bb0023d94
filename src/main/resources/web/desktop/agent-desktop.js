// 坐席工作台: the screen pop and the agent's state arrive over /ws/telephony; the caller's history comes by number with or
// without telephony; the category is found as the agent types; the assistant suggests as the form fills in.
(function () {
  'use strict';
  const labels = {};
  document.querySelectorAll('#labels dt').forEach(dt => { labels[dt.textContent] = dt.nextElementSibling.textContent; });
  const label = value => (value && labels[value]) || value || '—';
  const $ = id => document.getElementById(id);
  const form = $('registration');
  const field = name => form.querySelector('[name=' + name + ']');
  const answer = $('direct-answer');
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
    $(id).replaceChildren(...(entries.length ? entries : [item(empty)]));
  }

  function chip(text, title, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = text;
    button.title = title || '';
    button.addEventListener('click', onClick);
    return button;
  }

  function debounce(action, wait) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(action, wait);
    };
  }

  // ---- 来电人: the number's earlier work orders and the repeat flag, asked as the number is typed ----
  let callerAsked = 0;
  function lookUpCaller() {
    const phone = $('phone-number').value.trim();
    const asked = ++callerAsked;
    if (phone.replace(/\D/g, '').length < 7) {
      $('caller-repeat').hidden = true;
      $('caller-name').hidden = true;
      $('caller-summary').textContent = '输入来电号码后，这里显示此号码的历史工单。';
      $('caller-history').replaceChildren();
      return;
    }
    fetch('/agent/caller?phone=' + encodeURIComponent(phone), { headers: { 'Accept': 'application/json' } })
      .then(response => {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      }).then(history => {
        if (asked === callerAsked) {
          showCaller(history);
        }
      }).catch(() => {
        $('caller-summary').textContent = '来电人历史暂不可用。';
      });
  }

  function showCaller(history) {
    const orders = history.workOrders || [];
    $('caller-repeat').hidden = !history.repeat;
    $('caller-repeat').textContent = history.repeat ? '重复来电（近 ' + hours(history.repeatWindow) + ' 小时 '
      + history.recent + ' 件）' : '';
    $('caller-summary').textContent = orders.length ? '此号码的工单（最近 ' + orders.length + ' 件）：' : '此号码没有历史工单。';
    $('caller-history').replaceChildren(...orders.map(o => {
      const li = item(o.number, '/hotline/work-orders/' + o.number);
      li.dataset.number = o.number;
      li.append(' ' + label(o.status) + ' · ' + (o.registeredAt || '').substring(0, 10) + ' · ' + o.title
        + (o.leadDepartment ? ' · ' + o.leadDepartment.name : ''));
      return li;
    }));
    const known = orders.find(o => o.citizenName);
    const name = $('citizen-name');
    $('caller-name').hidden = !known || name.value.trim() !== '';
    if (known) {
      $('caller-name').textContent = '姓名沿用：' + known.citizenName;
      $('caller-name').onclick = () => {
        name.value = known.citizenName;
        $('caller-name').hidden = true;
        $('title').focus();
      };
    }
  }

  function hours(duration) {
    // ISO-8601 as Jackson writes a java.time.Duration, e.g. PT72H
    const match = /PT(\d+)H/.exec(duration || '');
    return match ? match[1] : '72';
  }

  $('phone-number').addEventListener('input', debounce(lookUpCaller, 300));

  // ---- 来电弹屏 (with telephony) ----
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
      lookUpCaller();
    }
    if (lastPop.enterprise) {
      $('enterprise-request').checked = true;
      showEnterprise();
    }
    if (lastPop.knownEnterprise) {
      field('enterpriseName').value = lastPop.knownEnterprise.name;
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
    // 转接 and 三方通话 act on the call in hand
    const controls = $('call-controls');
    if (controls) {
      controls.hidden = message.state !== 'ON_CALL' || !message.callId;
      controls.querySelectorAll('.current-call').forEach(input => { input.value = message.callId || ''; });
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

  // ---- 诉求分类: search as you type over the three levels, by name, path or pinyin initials ----
  const search = $('category-search');
  const options = $('category-options');
  const code = $('category-code');
  const all = [...options.querySelectorAll('li')].map(li => ({
    code: li.dataset.code, name: li.dataset.name, path: li.dataset.path,
    initials: li.dataset.initials.split(','), element: li
  }));
  const byCode = new Map(all.map(c => [c.code, c]));
  let suggestedCategories = [];
  let active = -1;

  function initialsMatch(initials, letters) {
    for (let start = 0; start + letters.length <= initials.length; start++) {
      let i = 0;
      while (i < letters.length && initials[start + i].includes(letters[i])) {
        i++;
      }
      if (i === letters.length) {
        return true;
      }
    }
    return false;
  }

  function matching(typed) {
    const text = typed.trim().toLowerCase();
    if (!text) {
      return suggestedCategories.map(s => byCode.get(s.code)).filter(Boolean);
    }
    const letters = /^[a-z0-9]+$/.test(text) ? text : null;
    const scored = [];
    for (const category of all) {
      let score = -1;
      if (category.name.includes(typed.trim())) {
        score = category.name.startsWith(typed.trim()) ? 0 : 1;
      } else if (category.path.includes(typed.trim())) {
        score = 2;
      } else if (letters && initialsMatch(category.initials, letters)) {
        // the leaf's own initials first: wyfw is 物业服务…, not everything under 物业管理
        score = initialsMatch(category.initials.slice(-category.name.length), letters) ? 1 : 3;
      }
      if (score >= 0) {
        scored.push({ category, score });
      }
    }
    scored.sort((a, b) => a.score - b.score);
    return scored.map(s => s.category);
  }

  function showOptions() {
    const found = matching(search.value).slice(0, 50);
    const suggested = new Set(suggestedCategories.map(s => s.code));
    options.replaceChildren(...found.map((category, i) => {
      const li = category.element;
      li.classList.toggle('active', i === 0);
      li.classList.toggle('suggested', suggested.has(category.code));
      return li;
    }));
    if (!found.length) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = search.value.trim() ? '没有找到，换个说法或拼音首字母试试' : '输入名称或拼音首字母';
      options.appendChild(li);
    }
    active = found.length ? 0 : -1;
    options.hidden = false;
    search.setAttribute('aria-expanded', 'true');
  }

  function hideOptions() {
    options.hidden = true;
    search.setAttribute('aria-expanded', 'false');
  }

  function chooseCategory(categoryCode) {
    const category = byCode.get(categoryCode);
    if (!category) {
      return;
    }
    code.value = category.code;
    search.value = category.path;
    search.classList.add('chosen');
    hideOptions();
    askAssistant();
    // for the duplicate suggestion (duplicates.js), which asks again with the category
    code.dispatchEvent(new Event('change'));
  }

  function move(step) {
    const items = [...options.querySelectorAll('li[data-code]')];
    if (!items.length) {
      return;
    }
    active = (active + step + items.length) % items.length;
    items.forEach((li, i) => li.classList.toggle('active', i === active));
    items[active].scrollIntoView({ block: 'nearest' });
  }

  search.addEventListener('focus', () => {
    search.select();
    showOptions();
  });
  search.addEventListener('input', () => {
    code.value = '';
    search.classList.remove('chosen');
    showOptions();
  });
  search.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.hidden) {
        showOptions();
      } else {
        move(event.key === 'ArrowDown' ? 1 : -1);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const items = [...options.querySelectorAll('li[data-code]')];
      if (!options.hidden && active >= 0 && items[active]) {
        chooseCategory(items[active].dataset.code);
        $('lead-department').focus();
      }
    } else if (event.key === 'Escape') {
      hideOptions();
    }
  });
  search.addEventListener('blur', () => setTimeout(() => {
    hideOptions();
    if (code.value && byCode.get(code.value)) {
      search.value = byCode.get(code.value).path;
    }
  }, 150));
  options.addEventListener('mousedown', event => {
    const li = event.target.closest('li[data-code]');
    if (li) {
      event.preventDefault();
      chooseCategory(li.dataset.code);
    }
  });
  if (code.value && byCode.get(code.value)) {
    search.value = byCode.get(code.value).path;
    search.classList.add('chosen');
  }

  // ---- 区县 and 街道: the streets of the chosen district ----
  const district = $('district');
  const street = $('street');
  function showStreets() {
    [...street.options].forEach(option => {
      if (option.dataset.district) {
        option.hidden = option.dataset.district !== district.value;
      }
    });
    const chosen = street.selectedOptions[0];
    if (chosen && chosen.dataset.district && chosen.dataset.district !== district.value) {
      street.value = '';
    }
    street.disabled = !district.value;
  }
  district.addEventListener('change', showStreets);
  showStreets();

  // ---- 主办 and 协办单位 ----
  const lead = $('lead-department');
  const assistingAdd = $('assisting-add');
  const chosenAssisting = $('assisting-chosen');
  const departmentName = value => [...lead.options].find(o => o.value === value)?.textContent || value;

  function assistingCodes() {
    return [...chosenAssisting.querySelectorAll('input')].map(input => input.value);
  }

  function addAssisting(value) {
    if (!value || value === lead.value || assistingCodes().includes(value)) {
      return;
    }
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'assistingDepartmentCodes';
    input.value = value;
    chosenAssisting.appendChild(input);
    showAssisting();
  }

  function showAssisting() {
    chosenAssisting.querySelectorAll('button').forEach(b => b.remove());
    chosenAssisting.querySelectorAll('input').forEach(input => {
      const remove = chip(departmentName(input.value) + ' ×', '移除此协办单位', () => {
        input.remove();
        showAssisting();
      });
      remove.dataset.code = input.value;
      chosenAssisting.appendChild(remove);
    });
    showOutcome();
  }

  assistingAdd.addEventListener('change', () => {
    addAssisting(assistingAdd.value);
    assistingAdd.value = '';
  });
  lead.addEventListener('change', () => {
    chosenAssisting.querySelectorAll('input').forEach(input => {
      if (input.value === lead.value) {
        input.remove();
      }
    });
    showAssisting();
  });
  showAssisting();

  // ---- 即问即答: an answer on the call is never dispatched, so the dispatch controls step aside ----
  function showOutcome() {
    const answered = answer.value.trim() !== '';
    lead.disabled = answered;
    assistingAdd.disabled = answered;
    chosenAssisting.querySelectorAll('input').forEach(input => { input.disabled = answered; });
    let outcome;
    if (answered) {
      outcome = '登记后：当场答复，工单办结，不派单';
    } else if (lead.value) {
      const assisting = assistingCodes().map(departmentName);
      outcome = '登记后：派单给 ' + departmentName(lead.value) + (assisting.length ? '，协办 ' + assisting.join('、') : '');
    } else {
      outcome = '登记后：按确责清单自动派单，不能确定时留待派单';
    }
    $('outcome').textContent = outcome;
  }
  answer.addEventListener('input', showOutcome);

  function adoptAnswer(article) {
    answer.value = article.answer;
    $('answer-article').value = article.slug;
    $('answer-article-title').value = article.title;
    $('answer-article-name').textContent = article.title;
    $('answer-article-shown').hidden = false;
    showOutcome();
  }
  $('answer-article-clear').addEventListener('click', () => {
    $('answer-article').value = '';
    $('answer-article-title').value = '';
    $('answer-article-shown').hidden = true;
  });

  // ---- 涉企: the enterprise's fields only when it is an enterprise request ----
  function showEnterprise() {
    $('enterprise').hidden = !$('enterprise-request').checked;
  }
  $('enterprise-request').addEventListener('change', showEnterprise);

  // GB 32100-2015: the 18th character checks the first 17
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  function creditCodeValid(value) {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) {
      return false;
    }
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      sum += CHARS.indexOf(value[i]) * WEIGHTS[i];
    }
    return CHARS[(31 - sum % 31) % 31] === value[17];
  }
  const creditCode = $('credit-code');
  creditCode.addEventListener('input', () => {
    const value = creditCode.value.trim().toUpperCase();
    $('credit-code-check').textContent = value === '' ? '' : creditCodeValid(value) ? '校验通过' : '校验码不符';
  });

  // ---- 智能辅助: categories, departments and answers for what the agent has typed and chosen ----
  let proposal = null;
  function percent(confidence) {
    return Math.round(confidence * 100) + '%';
  }

  function adoptSuggestion() {
    if (!code.value && suggestedCategories.length) {
      chooseCategory(suggestedCategories[0].code);
    }
    if (proposal && !answer.value.trim()) {
      lead.value = proposal.leadDepartmentCode;
      lead.dispatchEvent(new Event('change'));
      (proposal.assistingDepartmentCodes || []).forEach(addAssisting);
    }
    $('register-submit').focus();
  }
  $('assist-adopt').addEventListener('click', adoptSuggestion);

  function showAssistance(result) {
    $('assist-error').hidden = true;
    const dispatch = result.dispatch || { categories: [], departments: [] };
    suggestedCategories = dispatch.categories.filter(c => byCode.has(c.code));
    proposal = dispatch.proposal || null;
    if (!suggestedCategories.length && !dispatch.departments.length && !result.articles.length) {
      $('assist-idle').hidden = false;
      $('assist-results').hidden = true;
      return;
    }
    $('assist-idle').hidden = true;
    $('assist-results').hidden = false;
    $('assist-categories').replaceChildren(...(suggestedCategories.length ? suggestedCategories.map(c =>
      chip(c.name + ' ' + percent(c.confidence), c.path, () => chooseCategory(c.code)))
      : [document.createTextNode(code.value ? '已选分类' : '—')]));
    $('assist-departments').replaceChildren(...(dispatch.departments.length ? dispatch.departments.slice(0, 3).map(d =>
      chip(d.name + ' ' + percent(d.confidence), d.rule || '', () => {
        lead.value = d.code;
        lead.dispatchEvent(new Event('change'));
      })) : [document.createTextNode('—')]));
    $('assist-sources').textContent = sources(dispatch.departments);
    $('assist-proposal').textContent = proposal ? '建议：' + proposal.leadDepartmentName + '。' + proposal.explanation : '';
    $('assist-adopt').hidden = !proposal && !suggestedCategories.length;
    // the same articles stay as they are, so that the agent reading one does not lose their place
    const shown = result.articles.map(article => article.slug).join(' ');
    if ($('assist-articles').dataset.shown !== shown || !shown) {
      $('assist-articles').dataset.shown = shown;
      showArticles(result.articles);
    }
    if (document.activeElement === search) {
      showOptions();
    }
  }

  // the responsibility list's department and the department model's, side by side, each with its own confidence
  function sources(departments) {
    const best = key => departments.filter(d => d[key] > 0).sort((a, b) => b[key] - a[key])[0];
    const byList = best('fromRules');
    const byModel = best('fromModel');
    const parts = [];
    if (byList) {
      parts.push('确责清单：' + byList.name + ' ' + percent(byList.fromRules));
    }
    if (byModel) {
      parts.push('承办单位模型：' + byModel.name + ' ' + percent(byModel.fromModel));
    }
    return parts.join('　');
  }

  function showArticles(articles) {
    $('assist-articles').replaceChildren(...(articles.length ? articles.map(article => {
      const box = document.createElement('div');
      box.className = 'article';
      box.dataset.slug = article.slug;
      const title = document.createElement('a');
      title.href = '/knowledge/articles/' + article.slug;
      title.target = '_blank';
      title.textContent = article.title;
      const body = document.createElement('div');
      body.className = 'markdown';
      // rendered and sanitised by the service (raw HTML escaped, unsafe links dropped)
      body.innerHTML = article.answerHtml;
      box.append(title, body, chip('采用此答复', '填入即问即答并记录所用知识', () => adoptAnswer(article)));
      return box;
    }) : [document.createTextNode('无')]));
  }

  // #assist[data-pending] says whether an answer is still to come for what the form holds now
  let assistAsked = 0;
  function askAssistant() {
    const asked = ++assistAsked;
    $('assist').dataset.pending = 'true';
    fetch('/agent/assist', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ title: field('title').value, content: field('content').value,
        district: district.value, street: street.value, categoryCode: code.value })
    }).then(response => {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    }).then(result => {
      if (asked === assistAsked) {
        showAssistance(result);
        $('assist').dataset.pending = 'false';
      }
    }).catch(() => {
      $('assist-error').hidden = false;
      $('assist').dataset.pending = 'false';
    });
  }
  const askSoon = debounce(askAssistant, 400);
  ['title', 'content'].forEach(name => field(name).addEventListener('input', () => {
    $('assist').dataset.pending = 'true';
    askSoon();
  }));
  [district, street].forEach(select => select.addEventListener('change', askAssistant));

  form.addEventListener('submit', event => {
    if (!code.value) {
      event.preventDefault();
      search.setCustomValidity('请选择诉求分类');
      search.reportValidity();
      search.addEventListener('input', () => search.setCustomValidity(''), { once: true });
    }
  });

  document.addEventListener('keydown', event => {
    if (!event.altKey) {
      return;
    }
    if (event.key === '1') {
      event.preventDefault();
      adoptSuggestion();
    } else if (event.key.toLowerCase() === 'u') {
      useCall();
    }
  });

  showEnterprise();
  showOutcome();
  if ($('phone-number').value) {
    lookUpCaller();
  }
  if (field('title').value || field('content').value || code.value) {
    askAssistant();
  }
  if ($('use-call')) {
    $('use-call').addEventListener('click', useCall);
  }
  if ($('agent-state')) {
    const stored = JSON.parse(sessionStorage.getItem('hotline.pop') || 'null');
    if (stored && stored.callId === $('agent-state').dataset.callId) {
      showPop(stored);
    }
    connect(1000);
  }
})();
