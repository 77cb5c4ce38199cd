/*
 * horizon view: the page.  Everything shown comes from the data keys as text:
 * elements are made with createElement and filled with text nodes, never with
 * HTML parsing, and links are only ever this page's own "#/..." routes.  A
 * transcript is untrusted model output and is shown exactly as text.
 */
'use strict';
(function () {
  const STATIC = document.body.dataset.mode === 'static';
  const PAGE_ROWS = 300;
  const cache = new Map();
  const waiting = new Map();
  const main = document.getElementById('main');
  const crumbs = document.getElementById('crumbs');
  const SVGNS = 'http://www.w3.org/2000/svg';

  /* Data: fetch("api/KEY") from the server, or data/KEY.js (HZ.put) in an export. */
  window.HZ = Object.freeze({
    put(key, data) {
      cache.set(key, data);
      const w = waiting.get(key);
      if (w) { waiting.delete(key); w.forEach((f) => f(data)); }
    },
  });
  function load(key) {
    if (cache.has(key)) return Promise.resolve(cache.get(key));
    if (!STATIC) {
      return fetch('api/' + key, { credentials: 'omit' }).then((r) => {
        if (!r.ok) throw new Error(key + ': ' + r.status + ' ' + r.statusText);
        return r.json();
      }).then((d) => { cache.set(key, d); return d; });
    }
    return new Promise((resolve, reject) => {
      if (waiting.has(key)) { waiting.get(key).push(resolve); return; }
      waiting.set(key, [resolve]);
      const s = document.createElement('script');
      s.src = 'data/' + key + '.js';
      s.onerror = () => { waiting.delete(key); reject(new Error(key + ': not in this export')); };
      document.head.appendChild(s);
    });
  }

  /* Elements.  Children are nodes or text; attributes are set as attributes, never parsed. */
  function h(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    add(e, kids);
    return e;
  }
  function s(tag, attrs, ...kids) {
    const e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    add(e, kids);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'href' && !String(v).startsWith('#')) throw new Error('only page links');
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k === 'cls' ? 'class' : k, String(v));
    }
  }
  function add(e, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      e.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    }
  }

  /* Formatting.  Durations are human working time, shown in minutes and hours only (no "days"). */
  function fmtMin(m) {
    if (m === null || m === undefined || !isFinite(m)) return '';
    if (m === 0) return '0';
    if (m < 1) return (m * 60).toPrecision(2).replace(/\.0+$/, '') + ' s';
    if (m < 60) return (m < 10 ? m.toFixed(1) : m.toFixed(0)) + ' min';
    const hrs = m / 60;
    return (hrs < 10 ? hrs.toFixed(1) : Math.round(hrs).toLocaleString('en-US')) + ' h';
  }
  function fmtSec(x) {
    if (x === null || x === undefined || !isFinite(x)) return '';
    if (x < 60) return x.toFixed(x < 10 ? 2 : 1) + ' s';
    return fmtMin(x / 60);
  }
  function fmtCI(lo, hi) {
    if (lo === null || hi === null || lo === undefined || hi === undefined) return '';
    return fmtMin(lo) + ' – ' + fmtMin(hi);
  }
  function fmtInt(n) { return n === null || n === undefined ? '' : Number(n).toLocaleString('en-US'); }
  function fmtUsd(x) { return x === null || x === undefined ? '' : '$' + Number(x).toFixed(x < 1 ? 4 : 2); }
  function pct(x) { return x === null || x === undefined || !isFinite(x) ? '' : (100 * x).toFixed(0) + '%'; }
  function statusCls(st) { return 's-' + (st === 'success' || st === 'failure' ? st : 'error'); }
  function rateCls(r) { return 'cell r' + Math.min(4, Math.floor(r * 5)); }

  /* Routes: #/  #/s/N  #/s/N/a/ALIAS  #/s/N/r/RUN_ID, with ?filters. */
  function route() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const [path, query] = raw.split('?');
    const parts = path.split('/').filter((x) => x !== '').map(decodeURIComponent);
    const q = new URLSearchParams(query || '');
    window.scrollTo(0, 0);
    let p;
    if (parts.length === 0) p = viewHome();
    else if (parts[0] === 's' && parts.length === 2) p = viewSweep(+parts[1]);
    else if (parts[0] === 's' && parts[2] === 'a' && parts.length === 4) p = viewAgent(+parts[1], parts[3], q);
    else if (parts[0] === 's' && parts[2] === 'r' && parts.length === 4) p = viewRun(+parts[1], parts[3]);
    else p = Promise.reject(new Error('no such page: ' + raw));
    p.catch((err) => show([h('h1', null, 'Cannot show this page'), h('p', { cls: 'error' }, String(err.message || err))]));
  }
  function link(text, ...parts) { return h('a', { href: '#/' + parts.map((x) => encodeURIComponent(String(x))).join('/') }, text); }
  function show(nodes, trail) {
    main.replaceChildren(...[nodes].flat(Infinity).filter((x) => x !== null && x !== undefined && x !== false));
    crumbs.replaceChildren(...(trail || []));
  }
  function table(head, rows, numeric) {
    const num = new Set(numeric || []);
    return h('table', null,
      h('thead', null, h('tr', null, head.map((x, i) => h('th', { cls: num.has(i) ? 'num' : null }, x)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((x, i) => h('td', { cls: num.has(i) ? 'num' : null }, x))))));
  }
  function stat(value, label, cls) { return h('div', { cls: 'stat' }, h('b', { cls }, value), h('span', null, label)); }

  /* A sweep's runs as objects, once. */
  const runsOf = new Map();
  function runs(sk) {
    if (runsOf.has(sk)) return Promise.resolve(runsOf.get(sk));
    return load('s/' + sk + '/runs').then((d) => {
      const list = d.rows.map((r) => Object.fromEntries(d.fields.map((f, i) => [f, r[i]])));
      runsOf.set(sk, list);
      return list;
    });
  }
  function sweepData(sk) {
    return Promise.all([load('sweeps'), runs(sk), load('s/' + sk + '/fit')]).then(([sw, rs, fit]) => {
      const meta = sw.sweeps[sk];
      if (!meta) throw new Error('no sweep ' + sk);
      return { meta, rs, fit };
    });
  }

  function viewHome() {
    return load('sweeps').then((d) => {
      const cards = d.sweeps.map((sw) => h('div', { cls: 'card' },
        h('h2', null, link(sw.name, 's', sw.id)),
        h('div', { cls: 'muted' }, sw.dir),
        h('table', { cls: 'kv' }, h('tbody', null,
          [['runs', fmtInt(sw.runs)], ['agents', sw.agents.join(', ')], ['tasks', fmtInt(sw.tasks) + ' in ' + fmtInt(sw.families) + ' families'],
            ['outcomes', h('span', null, h('span', { cls: 's-success' }, fmtInt(sw.success) + ' success'), ', ',
              h('span', { cls: 's-failure' }, fmtInt(sw.failure) + ' failure'), ', ', h('span', { cls: 's-error' }, fmtInt(sw.error) + ' error'))],
            ['written', sw.sweep && sw.sweep.written_at ? sw.sweep.written_at : '']]
            .map(([k, v]) => h('tr', null, h('td', null, k), h('td', null, v))))),
        sw.fit_error ? h('p', { cls: 'warn' }, 'no fit: ' + sw.fit_error) : null));
      show([h('h1', null, d.sweeps.length === 1 ? 'One sweep' : d.sweeps.length + ' sweeps'), h('div', { cls: 'cards' }, cards),
        d.notes.length ? h('ul', { cls: 'muted' }, d.notes.map((n) => h('li', null, n))) : null,
        h('p', { cls: 'muted' }, 'horizon ' + d.version + '. Durations are human working time in minutes and hours.')]);
    });
  }

  function doublingLine(t) {
    if (!t) return null;
    const ci = t.doubling_ci_low !== null && t.doubling_ci_high !== null;
    const outside = ci && (t.doubling_days < t.doubling_ci_low || t.doubling_days > t.doubling_ci_high);
    return { text: t.doubling_days.toFixed(0) + ' days', ci: ci ? t.doubling_ci_low.toFixed(0) + '–' + t.doubling_ci_high.toFixed(0) + ' days (95% CI)' : 'no bootstrap CI',
      outside: outside ? 'The point estimate lies outside its bootstrap CI: the CI comes from resampled tasks and runs, whose SOTA sets and fits differ from the full data\u2019s (median ' + t.doubling_bootstrap_median.toFixed(0) + ' days).' : null };
  }

  function viewSweep(sk) {
    return sweepData(sk).then(({ meta, rs, fit }) => {
      const agents = fit.agents || [];
      const t50 = fit.trend ? fit.trend['50'] : null;
      const dl = doublingLine(t50);
      const byAgent = new Map();
      for (const r of rs) {
        const a = byAgent.get(r.alias) || { n: 0, ok: 0, tok: 0, cost: 0, hasTok: false, hasCost: false };
        a.n++; if (r.status === 'success') a.ok++;
        if (r.total_tokens !== null) { a.tok += r.total_tokens; a.hasTok = true; }
        if (r.dollar_equivalent !== null) { a.cost += r.dollar_equivalent; a.hasCost = true; }
        byAgent.set(r.alias, a);
      }
      const longest = Math.max(0, ...rs.map((r) => r.human_minutes || 0));
      const head = h('div', { cls: 'headline' },
        dl ? stat(dl.text, 'doubling time of the 50% horizon, ' + dl.ci) : stat('—', fit.error ? 'no fit: ' + fit.error : 'no trend (release dates needed)'),
        stat(fmtInt(meta.runs), 'runs'), stat(fmtInt(byAgent.size), 'agents'), stat(fmtInt(meta.tasks), 'tasks'),
        stat(pct(meta.success / Math.max(1, meta.success + meta.failure)), 'raw success rate'),
        stat(fmtMin(longest), 'longest task swept'));
      const rows = (agents.length ? agents.map((a) => a.alias) : [...byAgent.keys()]).map((alias) => {
        const a = agents.find((x) => x.alias === alias) || { horizons: {} };
        const c = byAgent.get(alias) || { n: 0, ok: 0 };
        const h50 = a.horizons['50'] || {}, h80 = a.horizons['80'] || {};
        return [link(alias, 's', sk, 'a', alias), a.release_date || '', fmtInt(c.n), fmtInt(a.tasks), pct(c.n ? c.ok / c.n : null),
          pct(a.weighted_success_rate), fmtMin(h50.estimate), fmtCI(h50.ci_low, h50.ci_high), fmtMin(h80.estimate), fmtCI(h80.ci_low, h80.ci_high),
          c.hasTok ? fmtInt(c.tok) : '', c.hasCost ? fmtUsd(c.cost) : '', a.note || ''];
      });
      const nodes = [h('h1', null, meta.name), h('div', { cls: 'muted' }, meta.dir), head,
        dl && dl.outside ? h('p', { cls: 'warn' }, dl.outside) : null,
        h('h2', null, 'Agents'),
        table(['agent', 'released', 'runs', 'tasks', 'success', 'weighted', 'p50', 'p50 95% CI', 'p80', 'p80 95% CI', 'tokens', 'cost', 'note'], rows, [2, 3, 4, 5, 6, 8, 10, 11]),
        h('h2', null, 'Time horizon by release date'), doublingChart(fit, longest),
        h('h2', null, 'Tasks'), taskMatrix(sk, rs)];
      show(nodes, [link('sweeps', ''), h('span', null, meta.name)]);
    });
  }

  function taskMatrix(sk, rs) {
    const aliases = [...new Set(rs.map((r) => r.alias))];
    const tasks = new Map();
    for (const r of rs) {
      const t = tasks.get(r.task_id) || { minutes: r.human_minutes, cells: new Map() };
      const c = t.cells.get(r.alias) || { n: 0, ok: 0, err: 0 };
      c.n++; if (r.status === 'success') c.ok++; if (r.status === 'error') c.err++;
      t.cells.set(r.alias, c); tasks.set(r.task_id, t);
    }
    const sorted = [...tasks.entries()].sort((a, b) => a[1].minutes - b[1].minutes || (a[0] < b[0] ? -1 : 1));
    return table(['task', 'human time', ...aliases], sorted.map(([id, t]) => [id, fmtMin(t.minutes), ...aliases.map((al) => {
      const c = t.cells.get(al);
      if (!c) return '';
      const scored = c.n - c.err;
      return h('span', { cls: scored ? rateCls(c.ok / scored) : 'cell', title: c.err ? c.err + ' error runs' : null }, c.ok + '/' + scored);
    })]), [1]);
  }

  /* Log axis ticks in minutes, labelled in minutes and hours (powers of 4 from 1 minute). */
  const TICKS = [[1 / 4, '15 s'], [1, '1 min'], [4, '4 min'], [15, '15 min'], [60, '1 h'], [240, '4 h'], [960, '16 h'], [3840, '64 h'], [15360, '256 h'], [61440, '1024 h'], [245760, '4096 h']];

  function doublingChart(fit, longest) {
    const W = 900, H = 460, L = 84, R = 24, T = 40, B = 48;
    const pts = (fit.agents || []).filter((a) => a.release_date && a.horizons && a.horizons['50'] && a.horizons['50'].estimate > 0);
    if (pts.length === 0) return h('p', { cls: 'muted' }, 'No agent has both a release date and a 50% horizon above 0.');
    const t = fit.trend ? fit.trend['50'] : null;
    const day = (d) => Date.parse(d + 'T00:00:00Z') / 86400000;
    const xs = pts.map((a) => day(a.release_date));
    let x0 = Math.min(...xs), x1 = Math.max(...xs);
    const pad = Math.max(60, (x1 - x0) * 0.06); x0 -= pad; x1 += pad;
    const est = pts.map((a) => a.horizons['50'].estimate);
    let y0 = Math.min(...est) / 4, y1 = Math.max(...est) * 4;
    for (const a of pts) {
      const hz = a.horizons['50'];
      if (hz.ci_low > 0) y0 = Math.min(y0, Math.max(hz.ci_low, Math.min(...est) / 16));
      if (hz.ci_high > 0) y1 = Math.max(y1, Math.min(hz.ci_high, Math.max(...est) * 16));
    }
    if (longest > 0) y1 = Math.max(y1, Math.min(longest * 2, Math.max(...est) * 16));
    const ly0 = Math.log(y0), ly1 = Math.log(y1);
    const X = (d) => L + (d - x0) / (x1 - x0) * (W - L - R);
    const Y = (m) => T + (ly1 - Math.log(m)) / (ly1 - ly0) * (H - T - B);
    const clampY = (m) => Math.min(Math.max(m, y0), y1);
    const g = s('svg', { cls: 'chart', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    const dl = doublingLine(t);
    g.appendChild(s('text', { x: L, y: 22, cls: 'title' }, dl ? 'Doubling time ' + dl.text + ' (' + dl.ci + ')' : '50% time horizon by release date'));
    for (const [m, lab] of TICKS) {
      if (m < y0 || m > y1) continue;
      g.appendChild(s('line', { x1: L, x2: W - R, y1: Y(m), y2: Y(m), cls: 'grid' }));
      g.appendChild(s('text', { x: L - 8, y: Y(m) + 4, 'text-anchor': 'end' }, lab));
    }
    const ya = new Date(x0 * 86400000).getUTCFullYear(), yb = new Date(x1 * 86400000).getUTCFullYear();
    const step = Math.max(1, Math.ceil((yb - ya + 1) / 10));
    for (let yr = ya; yr <= yb + 1; yr += step) {
      const d = Date.UTC(yr, 0, 1) / 86400000;
      if (d < x0 || d > x1) continue;
      g.appendChild(s('line', { x1: X(d), x2: X(d), y1: T, y2: H - B, cls: 'grid' }));
      g.appendChild(s('text', { x: X(d), y: H - B + 18, 'text-anchor': 'middle' }, String(yr)));
    }
    g.appendChild(s('line', { x1: L, x2: L, y1: T, y2: H - B, cls: 'axis' }));
    g.appendChild(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, cls: 'axis' }));
    g.appendChild(s('text', { x: 16, y: (T + H - B) / 2, transform: 'rotate(-90 16 ' + (T + H - B) / 2 + ')', 'text-anchor': 'middle' },
      '50% time horizon (human working time, log scale)'));
    g.appendChild(s('text', { x: (L + W - R) / 2, y: H - 8, 'text-anchor': 'middle' }, 'model release date'));
    if (t && t.band && t.band.length > 1) {
      const up = t.band.filter((b) => b.low > 0 && b.high > 0);
      const poly = up.map((b) => X(day(b.date)) + ',' + Y(clampY(b.high))).concat(up.slice().reverse().map((b) => X(day(b.date)) + ',' + Y(clampY(b.low))));
      if (poly.length > 2) g.appendChild(s('polygon', { points: poly.join(' '), cls: 'band' }));
    }
    if (t) {
      const ln = (d) => Math.exp(t.intercept + t.slope_per_day * d);
      const n = 40, seg = [];
      for (let i = 0; i <= n; i++) { const d = x0 + (x1 - x0) * i / n; const m = ln(d); if (m >= y0 && m <= y1) seg.push(X(d) + ',' + Y(m)); }
      if (seg.length > 1) g.appendChild(s('polyline', { points: seg.join(' '), cls: 'trend' }));
    }
    for (const a of pts) {
      const hz = a.horizons['50'], x = X(day(a.release_date));
      if (hz.ci_low !== null && hz.ci_high !== null) {
        const lo = clampY(Math.max(hz.ci_low, y0)), hi = clampY(hz.ci_high);
        g.appendChild(s('line', { x1: x, x2: x, y1: Y(lo), y2: Y(hi), cls: 'ci' }));
        if (hz.ci_high > y1) g.appendChild(s('path', { d: 'M' + (x - 5) + ',' + (Y(y1) + 7) + ' L' + x + ',' + Y(y1) + ' L' + (x + 5) + ',' + (Y(y1) + 7) + ' Z', cls: 'ci' }, s('title', null, 'CI upper bound ' + fmtMin(hz.ci_high) + ' is off the chart')));
        if (hz.ci_low > 0 && hz.ci_low < y0) g.appendChild(s('path', { d: 'M' + (x - 5) + ',' + (Y(y0) - 7) + ' L' + x + ',' + Y(y0) + ' L' + (x + 5) + ',' + (Y(y0) - 7) + ' Z', cls: 'ci' }));
      }
      const beyond = longest > 0 && hz.estimate > longest;
      g.appendChild(s('circle', { cx: x, cy: Y(clampY(hz.estimate)), r: 5, cls: 'pt' + (a.in_trend ? '' : ' off') + (beyond ? ' extra' : '') },
        s('title', null, a.alias + ': ' + fmtMin(hz.estimate) + (beyond ? ' (beyond the longest task: extrapolated)' : ''))));
      const label = a.alias + (beyond ? ' (extrapolated)' : '');
      const right = x + 8 + label.length * 7 > W - R;
      g.appendChild(s('text', { x: right ? x - 8 : x + 8, y: Y(clampY(hz.estimate)) - 6, 'text-anchor': right ? 'end' : 'start' }, label));
    }
    if (longest > 0 && longest >= y0 && longest <= y1) {
      g.appendChild(s('line', { x1: L, x2: W - R, y1: Y(longest), y2: Y(longest), cls: 'grid', 'stroke-dasharray': '4 4', stroke: '#999' }));
      g.appendChild(s('text', { x: W - R - 4, y: Y(longest) - 4, 'text-anchor': 'end', fill: '#777' }, 'longest task ' + fmtMin(longest)));
    }
    return g;
  }

  function curveChart(a, rs) {
    const W = 640, H = 360, L = 56, R = 20, T = 20, B = 48;
    const mins = rs.map((r) => r.human_minutes).filter((m) => m > 0);
    if (!mins.length) return h('p', { cls: 'muted' }, 'No runs with a human time.');
    const m0 = Math.min(...mins) / 2, m1 = Math.max(...mins) * 2;
    const X = (m) => L + (Math.log(m) - Math.log(m0)) / (Math.log(m1) - Math.log(m0)) * (W - L - R);
    const Y = (p) => T + (1 - p) * (H - T - B);
    const g = s('svg', { cls: 'chart', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    for (const p of [0, 0.25, 0.5, 0.75, 1]) {
      g.appendChild(s('line', { x1: L, x2: W - R, y1: Y(p), y2: Y(p), cls: 'grid' }));
      g.appendChild(s('text', { x: L - 6, y: Y(p) + 4, 'text-anchor': 'end' }, (p * 100) + '%'));
    }
    for (const [m, lab] of TICKS) {
      if (m < m0 || m > m1) continue;
      g.appendChild(s('line', { x1: X(m), x2: X(m), y1: T, y2: H - B, cls: 'grid' }));
      g.appendChild(s('text', { x: X(m), y: H - B + 16, 'text-anchor': 'middle' }, lab));
    }
    g.appendChild(s('line', { x1: L, x2: L, y1: T, y2: H - B, cls: 'axis' }));
    g.appendChild(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, cls: 'axis' }));
    g.appendChild(s('text', { x: (L + W - R) / 2, y: H - 10, 'text-anchor': 'middle' }, 'task length (human working time, log scale)'));
    if (a && a.slope !== null && a.intercept !== null) {
      const pts = [];
      for (let i = 0; i <= 80; i++) {
        const m = Math.exp(Math.log(m0) + (Math.log(m1) - Math.log(m0)) * i / 80);
        pts.push(X(m) + ',' + Y(1 / (1 + Math.exp(-(a.intercept + a.slope * Math.log2(m))))));
      }
      g.appendChild(s('polyline', { points: pts.join(' '), cls: 'curve' }));
    }
    for (const b of (a && a.bins) || []) {
      const m = Math.sqrt(b.lo_minutes * b.hi_minutes);
      if (m < m0 || m > m1) continue;
      g.appendChild(s('circle', { cx: X(m), cy: Y(b.weighted_rate), r: 3 + Math.min(6, Math.sqrt(b.runs)), cls: 'emp' },
        s('title', null, fmtMin(b.lo_minutes) + '–' + fmtMin(b.hi_minutes) + ': ' + b.successes + '/' + b.runs + ' (weighted ' + pct(b.weighted_rate) + ')')));
    }
    const h50 = a && a.horizons && a.horizons['50'];
    if (h50 && h50.estimate > m0 && h50.estimate < m1) {
      g.appendChild(s('line', { x1: X(h50.estimate), x2: X(h50.estimate), y1: Y(0.5), y2: H - B, cls: 'ci', 'stroke-dasharray': '3 3' }));
      g.appendChild(s('text', { x: X(h50.estimate) + 4, y: Y(0.5) - 6 }, 'p50 ' + fmtMin(h50.estimate)));
    }
    return g;
  }

  const FILTERS = [['family', 'task_family'], ['tag', 'tags'], ['status', 'status'], ['exit_reason', 'exit_reason']];

  function viewAgent(sk, alias, q) {
    return sweepData(sk).then(({ meta, rs, fit }) => {
      const mine = rs.filter((r) => r.alias === alias);
      if (!mine.length) throw new Error('no agent ' + alias + ' in ' + meta.name);
      const a = (fit.agents || []).find((x) => x.alias === alias);
      const want = Object.fromEntries(FILTERS.map(([k]) => [k, q.get(k) || '']));
      const pass = (r) => FILTERS.every(([k, f]) => !want[k] || (f === 'tags' ? (r.tags || []).includes(want[k]) : String(r[f]) === want[k]));
      const shown = mine.filter(pass);
      const controls = h('div', { cls: 'filters' }, FILTERS.map(([k, f]) => {
        const vals = [...new Set(mine.flatMap((r) => (f === 'tags' ? r.tags || [] : [String(r[f])])))].sort();
        const sel = h('select', { id: 'filter-' + k, onchange: () => setFilter(sk, alias, q, k, sel.value) },
          h('option', { value: '' }, 'any'), vals.map((v) => h('option', { value: v }, v)));
        sel.value = want[k];
        return h('label', null, k + ' ', sel);
      }), h('span', { cls: 'muted', id: 'filter-count' }, shown.length + ' of ' + mine.length + ' runs'));
      const buckets = new Map();
      for (const r of shown) {
        const k = r.human_minutes > 0 ? Math.floor(Math.log(r.human_minutes) / Math.log(4) + 1e-9) : -9;
        const b = buckets.get(k) || { n: 0, ok: 0, err: 0 };
        b.n++; if (r.status === 'success') b.ok++; if (r.status === 'error') b.err++;
        buckets.set(k, b);
      }
      const brows = [...buckets.entries()].sort((x, y) => x[0] - y[0]).map(([k, b]) => {
        const sc = b.n - b.err;
        return [k === -9 ? 'unknown' : fmtMin(Math.pow(4, k)) + ' – ' + fmtMin(Math.pow(4, k + 1)), fmtInt(sc), fmtInt(b.ok), sc ? h('span', { cls: rateCls(b.ok / sc) }, pct(b.ok / sc)) : ''];
      });
      const byTask = new Map();
      for (const r of shown) { const t = byTask.get(r.task_id) || []; t.push(r); byTask.set(r.task_id, t); }
      const trows = [...byTask.entries()].sort((x, y) => x[1][0].human_minutes - y[1][0].human_minutes).map(([id, list]) =>
        [id, fmtMin(list[0].human_minutes), list.map((r) => [link(r.status + (list.length > 1 ? ' #' + r.repeat : ''), 's', sk, 'r', r.run_id), ' '])
          .map((x, i) => { x[0].className = statusCls(list[i].status); return x; })]);
      const h50 = a && a.horizons['50'], h80 = a && a.horizons['80'];
      const nodes = [h('h1', null, alias), h('div', { cls: 'headline' },
        stat(h50 ? fmtMin(h50.estimate) : '—', '50% horizon' + (h50 && h50.ci_low !== null ? ', 95% CI ' + fmtCI(h50.ci_low, h50.ci_high) : '')),
        stat(h80 ? fmtMin(h80.estimate) : '—', '80% horizon' + (h80 && h80.ci_low !== null ? ', 95% CI ' + fmtCI(h80.ci_low, h80.ci_high) : '')),
        stat(pct(a ? a.weighted_success_rate : null), 'weighted success'), stat(a && a.release_date ? a.release_date : '—', 'released')),
      a && a.note ? h('p', { cls: 'warn' }, a.note) : null,
      h('div', { cls: 'cols' }, h('div', null, h('h2', null, 'Success by task length (fit and weighted buckets)'), curveChart(a, mine)),
        h('div', null, h('h2', null, 'By length bucket (filtered runs)'), table(['human time', 'scored runs', 'successes', 'rate'], brows, [1, 2, 3]))),
      h('h2', null, 'Runs'), controls,
      pagedTable(['task', 'family', 'human time', 'status', 'exit reason', 'verdict', 'wall', 'tokens', 'cost', 'tags'], shown.map((r) => [
        link(r.task_id + (r.repeat > 1 ? ' #' + r.repeat : ''), 's', sk, 'r', r.run_id), r.task_family, fmtMin(r.human_minutes),
        h('span', { cls: statusCls(r.status) }, r.status), r.exit_reason || '', r.verdict || '', fmtSec(r.wall_s),
        r.total_tokens === null ? '' : fmtInt(r.total_tokens), fmtUsd(r.dollar_equivalent), (r.tags || []).join(' ')]), [2, 6, 7, 8]),
      h('h2', null, 'By task'), table(['task', 'human time', 'runs'], trows, [1])];
      show(nodes, [link('sweeps', ''), link(meta.name, 's', sk), h('span', null, alias)]);
    });
  }
  function setFilter(sk, alias, q, k, v) {
    const nq = new URLSearchParams(q);
    if (v) nq.set(k, v); else nq.delete(k);
    const qs = nq.toString();
    location.hash = '#/s/' + sk + '/a/' + encodeURIComponent(alias) + (qs ? '?' + qs : '');
  }
  function pagedTable(head, rows, numeric) {
    const box = h('div', { id: 'runs-table' });
    let n = PAGE_ROWS;
    const draw = () => {
      const more = rows.length > n ? h('button', { onclick: () => { n += PAGE_ROWS * 4; draw(); } }, 'show more (' + (rows.length - n) + ' left)') : null;
      box.replaceChildren(table(head, rows.slice(0, n), numeric), more || '');
    };
    draw();
    return box;
  }

  /* One run. */
  function viewRun(sk, id) {
    return Promise.all([load('sweeps'), load('s/' + sk + '/run/' + id)]).then(([sw, d]) => {
      const meta = sw.sweeps[sk], r = d.record;
      const kv = (pairs) => h('table', { cls: 'kv' }, h('tbody', null, pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== '')
        .map(([k, v]) => h('tr', null, h('td', null, k), h('td', null, v)))));
      const others = d.others.map((o) => [o.sweep === sk ? '' : sw.sweeps[o.sweep].name, link(o.alias, 's', o.sweep, 'a', o.alias),
        link((o.status || '') + (o.repeat ? ' #' + o.repeat : ''), 's', o.sweep, 'r', o.run_id), o.exit_reason || '']);
      const tabs = [['transcript', () => transcriptPane(sk, id, d.transcript)], ['patch', () => textPane(d.patch, 'diff')],
        ['scorer log', () => textPane(d.scorer_log)], ['agent log', () => textPane(d.agent_log)], ['record', () => h('pre', null, JSON.stringify(r, null, 2))]];
      const pane = h('div', { id: 'pane' });
      const bar = h('div', { cls: 'tabs' });
      const pick = (i) => {
        [...bar.children].forEach((b, j) => b.classList.toggle('on', i === j));
        pane.replaceChildren(...[tabs[i][1]()].flat().filter((x) => x !== null && x !== undefined));
      };
      tabs.forEach(([name], i) => bar.appendChild(h('button', { id: 'tab-' + name.replace(' ', '-'), onclick: () => pick(i) }, name)));
      const iso = r.isolation && typeof r.isolation === 'object' ? Object.entries(r.isolation).map(([k, v]) => k + '=' + (typeof v === 'object' ? JSON.stringify(v) : v)).join('  ') : r.isolation;
      const nodes = [h('h1', null, h('span', { cls: statusCls(r.status) }, r.status), ' ', r.task_id, ' — ', r.alias),
        h('div', { cls: 'cols' },
          kv([['run', r.run_id], ['task', r.task_id + ' v' + r.task_version], ['human time', fmtMin(r.human_minutes) + ' (' + (r.human_source || '') + ')'],
            ['agent', r.agent_spec || r.alias], ['model', r.model], ['release', r.release_date], ['repeat', r.repeat], ['attempts', d.attempts],
            ['exit reason', r.exit_reason], ['verdict', r.verdict], ['score', r.score_cont], ['error', r.error], ['fatal error from', r.fatal_error_from]]),
          kv([['agent wall', fmtSec(r.wall_s)], ['working', fmtSec(r.working_s)], ['api waits', fmtSec(r.wait_s)], ['setup', fmtSec(r.setup_s)],
            ['scoring', fmtSec(r.score_wall_s)], ['patch', fmtSec(r.patch_s)], ['time limit', fmtSec(r.time_limit)], ['turns', r.turns],
            ['tokens', r.total_tokens === null ? '' : fmtInt(r.input_tokens) + ' in + ' + fmtInt(r.output_tokens) + ' out'], ['cost', fmtUsd(r.dollar_equivalent)],
            ['isolation', iso], ['started', r.started_at ? new Date(r.started_at).toISOString() : ''], ['horizon', r.horizon_version]])),
        others.length ? [h('h2', null, 'Other runs of this task'), table(['sweep', 'agent', 'run', 'exit reason'], others)] : null,
        bar, pane];
      show(nodes, [link('sweeps', ''), link(meta.name, 's', sk), link(r.alias, 's', sk, 'a', r.alias), h('span', null, r.run_id)]);
      pick(d.transcript ? 0 : 1);
    });
  }
  function textPane(f, kind) {
    if (!f) return h('p', { cls: 'muted' }, 'none recorded');
    const note = f.truncated ? h('p', { cls: 'warn' }, 'showing the first ' + fmtInt(f.text.length) + ' characters of ' + fmtInt(f.bytes) + ' bytes') : null;
    if (f.text === '') return h('p', { cls: 'muted' }, 'empty');
    if (kind !== 'diff') return [note, h('pre', null, f.text)];
    const pre = h('pre', { cls: 'diff' });
    for (const line of f.text.split('\n')) {
      const c = line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') ? 'file' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : null;
      pre.appendChild(c ? h('span', { cls: c }, line) : document.createTextNode(line + '\n'));
    }
    return [note, pre];
  }

  /* The transcript, one page of events at a time (thousands of turns stay fast). */
  const LIMITS = new Set(['time_limit', 'token_limit', 'cost_limit', 'turn_limit', 'context_limit']);
  function transcriptPane(sk, id, tr) {
    if (!tr) return h('p', { cls: 'muted' }, 'This run has no transcript (built-in agents keep an agent log instead).');
    const box = h('div', { id: 'transcript' });
    const status = h('p', { cls: 'muted' }, tr.count + ' events');
    const list = h('div');
    box.append(status, list);
    let next = 0;
    const more = () => {
      const page = next++;
      return load('s/' + sk + '/tr/' + id + '/' + page).then((p) => {
        p.events.forEach((e) => list.appendChild(event(e)));
        status.textContent = 'events 1–' + Math.min(tr.count, (page + 1) * tr.page_size) + ' of ' + tr.count;
        const old = box.querySelector('button.more');
        if (old) old.remove();
        if (next < p.pages) box.appendChild(h('button', { cls: 'more', onclick: more }, 'load the next ' + tr.page_size + ' events'));
      }).catch((err) => box.appendChild(h('p', { cls: 'error' }, String(err.message || err))));
    };
    more();
    return box;
  }
  function pretty(x) {
    if (typeof x !== 'string') return JSON.stringify(x, null, 2);
    try { return JSON.stringify(JSON.parse(x), null, 2); } catch (e) { return x; }
  }
  function event(e) {
    const who = (t, extra) => h('div', { cls: 'who' }, t, extra ? h('span', { cls: 'muted' }, '  ' + extra) : null);
    const turn = e.turn !== undefined ? 'turn ' + e.turn : '';
    if (e.truncated) return h('div', { cls: 'msg meta' }, who(e.type || 'event', 'a line of ' + fmtInt(e.bytes) + ' bytes was elided from the transcript'));
    switch (e.type) {
      case 'start': return h('div', { cls: 'msg system' }, who('start', [e.agent, e.backend, e.model, e.tool_mode].filter(Boolean).join(' · ')),
        e.system ? h('details', null, h('summary', null, 'system prompt'), h('pre', null, e.system)) : null);
      case 'user': return h('div', { cls: 'msg user' }, who('user'), h('pre', null, e.text || ''));
      case 'assistant': return h('div', { cls: 'msg assistant' }, who('assistant', [turn, e.stop ? 'stop: ' + e.stop : '',
        e.usage ? fmtInt(e.usage.input_tokens) + ' in / ' + fmtInt(e.usage.output_tokens) + ' out' : ''].filter(Boolean).join(' · ')),
        e.text ? h('pre', null, e.text) : null,
        (e.tool_calls || []).map((c) => h('div', { cls: 'call' }, h('b', null, c.name || 'tool'), h('span', { cls: 'muted' }, ' ' + (c.id || '')), h('pre', null, pretty(c.arguments)))));
      case 'tool': return h('div', { cls: 'msg tool' }, who('tool', [turn, 'exit ' + e.exit_code, e.signal ? 'signal ' + e.signal : '', e.timed_out ? 'timed out' : '',
        e.truncated_output || e.truncated ? 'output cut' : '', fmtSec(e.wall_s)].filter(Boolean).join(' · ')),
        e.command ? h('pre', null, '$ ' + e.command) : null, h('pre', null, e.output === undefined ? '' : String(e.output)));
      case 'submit': return h('div', { cls: 'msg assistant' }, who('submit', turn), h('pre', null, e.answer === undefined ? '' : String(e.answer)));
      case 'end': return h('div', { cls: 'msg ' + (LIMITS.has(e.exit_reason) ? 'limit' : 'meta') }, who('end', [e.exit_reason, LIMITS.has(e.exit_reason) ? 'limit hit' : '', e.error].filter(Boolean).join(' · ')),
        h('pre', null, ['turns ' + e.turns, 'tokens ' + fmtInt(e.input_tokens) + ' in / ' + fmtInt(e.output_tokens) + ' out', 'cost ' + fmtUsd(e.cost_usd), 'wall ' + fmtSec(e.wall_s), 'waits ' + fmtSec(e.wait_s)].join('   ')));
      case 'raw': return h('div', { cls: 'msg meta' }, who('unreadable line'), h('pre', null, e.text));
      default: {
        const rest = Object.assign({}, e); delete rest.type; delete rest.ts; delete rest.n;
        return h('div', { cls: 'msg meta' + (e.type === 'context' ? ' limit' : '') }, who(String(e.type || 'event'), e.type === 'context' ? 'context shortened' : turn), h('pre', null, JSON.stringify(rest, null, 1)));
      }
    }
  }

  window.addEventListener('hashchange', route);
  route();
})();
