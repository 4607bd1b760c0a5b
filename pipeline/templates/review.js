// kzextract review page: inlined into the HTML by pipeline/review.py (no network).
// Article data comes from the JSON island #kz-data; every piece of it reaches the DOM
// through textContent / setAttribute, never innerHTML, so article text stays text.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kz-data').textContent);
  var TYPES = data.types;
  var LABELS = data.labels;
  var arts = data.articles;
  var pageSize = data.page_size || 50;
  var state = { lang: '', type: '', district: '', q: '', page: 0 };
  var filtered = [];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function $(id) { return document.getElementById(id); }

  function fillSelect(select, items, anyLabel) {
    select.appendChild(new Option(anyLabel, ''));
    items.forEach(function (item) {
      select.appendChild(new Option(item[0] + ' (' + item[1] + ')', item[0]));
    });
  }

  function haystack(a) {
    if (a._h === undefined) {
      var parts = [a.id, a.title || '', a.lang, a.pub || '', a.err || ''];
      if (a.segs) parts.push(a.segs.map(function (s) { return typeof s === 'string' ? s : s[0]; }).join(''));
      a.vals.forEach(function (v) { parts.push(v[1], v[2], v[3]); });
      a._h = parts.join('\n').toLowerCase();
    }
    return a._h;
  }

  function matches(a, q) {
    if (state.lang && a.lang !== state.lang) return false;
    if (state.type === 'error') { if (!a.err) return false; }
    else if (state.type && !(a.mask & (1 << TYPES.indexOf(state.type)))) return false;
    if (state.district && a.dists.indexOf(state.district) < 0) return false;
    if (q && haystack(a).indexOf(q) < 0) return false;
    return true;
  }

  function apply() {
    var q = state.q.trim().toLowerCase();
    filtered = [];
    for (var i = 0; i < arts.length; i++) if (matches(arts[i], q)) filtered.push(i);
    state.page = 0;
    render();
  }

  function tooltip(a, idxs) {
    return idxs.map(function (i) {
      var v = a.vals[i];
      return LABELS[TYPES[v[0]]] + ': ' + v[1] + (v[2] ? ' (' + v[2] + ')' : '');
    }).join('\n');
  }

  function renderText(a) {
    var box = el('div', 'text');
    box.lang = a.lang === 'kk' || a.lang === 'ru' ? a.lang : '';
    a.segs.forEach(function (s) {
      if (typeof s === 'string') { box.appendChild(document.createTextNode(s)); return; }
      var idxs = s.slice(1);
      var type = TYPES[a.vals[idxs[0]][0]];
      var mark = el('mark', 'hl hl-' + type + (idxs.length > 1 ? ' multi' : ''), s[0]);
      mark.setAttribute('data-type', type);
      mark.setAttribute('data-v', ' ' + idxs.join(' ') + ' ');
      mark.title = tooltip(a, idxs);
      box.appendChild(mark);
    });
    return box;
  }

  function focusValue(card, index, on) {
    card.querySelectorAll('mark.hl').forEach(function (m) {
      if (m.getAttribute('data-v').indexOf(' ' + index + ' ') >= 0) m.classList.toggle('focus', on);
    });
  }

  function renderValues(a, card) {
    var box = el('aside', 'values');
    TYPES.forEach(function (type, t) {
      var rows = [];
      a.vals.forEach(function (v, i) { if (v[0] === t) rows.push(i); });
      if (!rows.length) return;
      var head = el('h4');
      head.appendChild(el('i', 'sw-' + type));
      head.appendChild(document.createTextNode(LABELS[type] + ' · ' + rows.length));
      box.appendChild(head);
      var list = el('ul');
      rows.forEach(function (i) {
        var v = a.vals[i];
        var li = el('li');
        li.setAttribute('data-type', type);
        li.appendChild(el('span', 'vl', v[1]));
        if (v[2]) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'vd', v[2])); }
        if (v[3]) { li.appendChild(document.createTextNode(' — ')); li.appendChild(el('span', 'vm', v[3])); }
        li.addEventListener('mouseenter', function () { li.classList.add('focus'); focusValue(card, i, true); });
        li.addEventListener('mouseleave', function () { li.classList.remove('focus'); focusValue(card, i, false); });
        list.appendChild(li);
      });
      box.appendChild(list);
    });
    if (!a.vals.length) box.appendChild(el('p', 'vd', 'no values extracted'));
    return box;
  }

  function renderArticle(a) {
    var card = el('article', 'art');
    card.setAttribute('data-id', a.id);
    card.setAttribute('data-lang', a.lang);
    var head = el('header');
    head.appendChild(el('h2', null, a.id));
    head.appendChild(el('span', 'badge', a.lang));
    if (a.pub) head.appendChild(el('span', 'badge', a.pub));
    if (a.err) head.appendChild(el('span', 'badge err', a.err));
    if (a.title) head.appendChild(el('span', 'atitle', a.title));
    card.appendChild(head);
    if (a.miss) {
      card.appendChild(el('div', 'warn', a.miss + ' mention(s) do not match the article text at their offsets ' +
        '(records and inputs from different versions?) and are not highlighted.'));
    }
    var body = el('div', 'abody');
    body.appendChild(a.segs ? renderText(a) : el('div', 'notext', a.notext));
    body.appendChild(renderValues(a, card));
    card.appendChild(body);
    return card;
  }

  function render() {
    var list = $('articles');
    list.replaceChildren();
    var pages = Math.max(1, Math.ceil(filtered.length / pageSize));
    if (state.page >= pages) state.page = pages - 1;
    var first = state.page * pageSize;
    var slice = filtered.slice(first, first + pageSize);
    slice.forEach(function (i) { list.appendChild(renderArticle(arts[i])); });
    if (!slice.length) list.appendChild(el('p', 'empty', 'No article matches the filters.'));
    var info = filtered.length
      ? 'articles ' + (first + 1) + '–' + (first + slice.length) + ' of ' + filtered.length
      : '0 articles';
    if (filtered.length !== arts.length) info += ' (filtered from ' + arts.length + ')';
    info += ' · page ' + (state.page + 1) + ' / ' + pages;
    document.querySelectorAll('.pageinfo').forEach(function (n) { n.textContent = info; });
    document.querySelectorAll('.prev').forEach(function (b) { b.disabled = state.page === 0; });
    document.querySelectorAll('.next').forEach(function (b) { b.disabled = state.page >= pages - 1; });
    $('shown').textContent = String(filtered.length);
  }

  function go(delta) {
    state.page += delta;
    render();
    $('filters').scrollIntoView();
  }

  fillSelect($('f-lang'), data.langs, 'all languages');
  $('f-type').appendChild(new Option('any type', ''));
  TYPES.forEach(function (type) { $('f-type').appendChild(new Option('with ' + LABELS[type], type)); });
  $('f-type').appendChild(new Option('with an error', 'error'));
  fillSelect($('f-district'), data.districts, 'all districts');

  $('f-lang').addEventListener('change', function (e) { state.lang = e.target.value; apply(); });
  $('f-type').addEventListener('change', function (e) { state.type = e.target.value; apply(); });
  $('f-district').addEventListener('change', function (e) { state.district = e.target.value; apply(); });
  var timer = null;
  $('f-q').addEventListener('input', function (e) {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = e.target.value; apply(); }, 200);
  });
  document.querySelectorAll('.legend input').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('off-' + box.getAttribute('data-type'), !box.checked);
    });
  });
  document.querySelectorAll('.prev').forEach(function (b) { b.addEventListener('click', function () { go(-1); }); });
  document.querySelectorAll('.next').forEach(function (b) { b.addEventListener('click', function () { go(1); }); });
  apply();
  document.body.setAttribute('data-ready', '1');
})();
