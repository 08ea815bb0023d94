// 可能重复: as the agent types the number, the text, the place, the category or the enterprise, the earlier work orders
// about the same matter are offered; 关联 or 并单 records the choice in the form, applied once the request is registered.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const form = $('registration');
  if (!form || !$('duplicates')) {
    return;
  }
  const field = name => form.querySelector('[name=' + name + ']');
  const LABELS = { LINK: '关联', MERGE: '并单' };

  function choose(relation, order) {
    $('relation').value = relation;
    $('related-number').value = order.number;
    $('relation-text').textContent = '登记后' + LABELS[relation] + '至工单 ' + order.number + '（' + order.statusLabel
      + '）。请告知市民：您反映的问题已有工单 ' + order.number + ' 在办理。';
    $('relation-chosen').hidden = false;
  }

  $('relation-clear').addEventListener('click', () => {
    $('relation').value = '';
    $('related-number').value = '';
    $('relation-chosen').hidden = true;
  });

  function button(text, onClick, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function show(suggestions) {
    $('duplicates').hidden = suggestions.length === 0;
    // the same offer stays as it is, so that the button the agent is about to click is not replaced under them
    const shown = suggestions.map(order => order.number + ':' + order.reasons.join(',')).join(' ');
    if ($('duplicate-list').dataset.shown === shown) {
      return;
    }
    $('duplicate-list').dataset.shown = shown;
    $('duplicate-list').replaceChildren(...suggestions.map(order => {
      const li = document.createElement('li');
      li.className = 'duplicate';
      li.dataset.number = order.number;
      const link = document.createElement('a');
      link.href = '/hotline/work-orders/' + order.number;
      link.target = '_blank';
      link.textContent = order.number;
      const text = document.createElement('span');
      text.textContent = ' ' + order.statusLabel + ' ' + order.title;
      const why = document.createElement('small');
      why.className = 'muted';
      why.textContent = ' ' + order.reasonText + (order.reasons.includes('SIMILAR_TEXT')
        ? '（相似度 ' + Math.round(order.similarity * 100) + '%）' : '') + ' · ' + (order.place || '') + ' '
        + (order.categoryName || '');
      li.append(link, text, why, document.createElement('br'),
        button('关联', () => choose('LINK', order), 'chip link-duplicate'));
      if (order.open) {
        li.append(button('并单', () => choose('MERGE', order), 'chip merge-duplicate'));
      }
      return li;
    }));
  }

  let asked = 0;
  function ask() {
    const mine = ++asked;
    $('duplicates').dataset.pending = 'true';
    const enterprise = field('enterpriseName');
    fetch('/agent/duplicates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ phone: field('phone').value, title: field('title').value, content: field('content').value,
        district: field('district').value, street: field('street').value, categoryCode: field('categoryCode').value,
        enterpriseName: enterprise ? enterprise.value : '', creditCode: field('creditCode') ? field('creditCode').value : '' })
    }).then(response => response.ok ? response.json() : []).then(suggestions => {
      if (mine === asked) {
        show(suggestions);
        $('duplicates').dataset.pending = 'false';
      }
    }).catch(() => { $('duplicates').dataset.pending = 'false'; });
  }

  let timer = null;
  function askSoon() {
    $('duplicates').dataset.pending = 'true';
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }
  ['phone', 'title', 'content', 'enterpriseName', 'creditCode'].forEach(name => {
    if (field(name)) {
      field(name).addEventListener('input', askSoon);
    }
  });
  ['district', 'street', 'categoryCode'].forEach(name => field(name).addEventListener('change', askSoon));
  if (field('phone').value || field('title').value) {
    ask();
  }
})();
