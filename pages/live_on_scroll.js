/* The browser half of pages/still_view.live_on_scroll: runs in the page (not in an iframe), installed
   once per browser tab; published as a file by content hash (static_files.publish), so the browser
   caches it and a change gets a new name. */
(function () {
  var cfg = JSON.parse(document.currentScript.getAttribute('data-cfg'));
  if (window.__streekLiveOnScroll) { window.__streekLiveOnScroll(cfg); return; }   /* rerun or page switch */
  var RATIO = 0.4, DWELL = 400, WAIT = 10000, INTENT = 1000;
  var SCROLL_KEYS = ['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', ' ', 'Home', 'End'];
  var KEYS_TAKEN = 'input, textarea, select, [contenteditable], [role=slider], [role=radio], [role=tab], [role=listbox]';
  var path, armed, io, near, scroller, keys, ratio, timers, queue, blocks, busy, busySince, intent = 0, held = null, scanT = 0, pumpT = 0;

  function reset(c) {                   /* (re)start on this page: wait for the reader's first scroll again */
    cfg = c; path = location.pathname; armed = false;
    if (io) io.disconnect();
    if (near) near.disconnect();
    if (timers) timers.forEach(clearTimeout);
    io = null; near = null; keys = new Map(); ratio = new Map(); timers = new Map(); queue = []; blocks = []; busy = null;
  }
  function ready() {                    /* never while printing, in a hidden tab, or on another page */
    return armed && location.pathname === path && !document.hidden && !matchMedia('print').matches;
  }
  function scan() {                     /* watch the still image of every card that still has its button */
    if (!io) io = new IntersectionObserver(seen, {threshold: [0, 0.2, 0.4, 0.6, 0.8, 1]});
    document.querySelectorAll('[class*="' + cfg.btn + cfg.cards + '"]').forEach(function (box) {
      var cls = [].find.call(box.classList, function (c) { return c.indexOf(cfg.btn) === 0; });
      var key = cls && cls.slice(cfg.btn.length);
      var img = key && document.querySelector('.st-key-' + key + ' img.streek-still');
      if (img && !keys.has(img)) { keys.set(img, key); io.observe(img); }
    });
    if (!cfg.full) return;              /* far building blocks: their button within one screen below the view */
    /* the root is the element the reader scrolls (Streamlit's main container): the viewport's margin
       would not reach below it, as that container clips what lies beyond its own height */
    if (!near) near = new IntersectionObserver(nearing, {root: scroller, rootMargin: '0px 0px 100% 0px'});
    document.querySelectorAll('[class*="' + cfg.full + '"]').forEach(function (box) {
      var b = box.querySelector('button');
      if (b && !b.__streekNear) { b.__streekNear = true; near.observe(b); }
    });
  }
  function nearing(entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting && blocks.indexOf(e.target) < 0) { near.unobserve(e.target); blocks.push(e.target); }
    });
    if (blocks.length) pump();
  }
  function seen(entries) {              /* >= 40 % of a still image in view for 0,4 s: the reader stopped there */
    entries.forEach(function (e) {
      var img = e.target;
      ratio.set(img, e.isIntersecting ? e.intersectionRatio : 0);
      if (ratio.get(img) >= RATIO) {
        if (!timers.has(img)) timers.set(img, setTimeout(function () { dwelt(img); }, DWELL));
      } else {
        clearTimeout(timers.get(img)); timers.delete(img);
      }
    });
  }
  function dwelt(img) {
    timers.delete(img);
    if (!img.isConnected || !(ratio.get(img) >= RATIO) || !ready()) return;
    var card = document.querySelector('.st-key-' + keys.get(img)), f = document.activeElement;
    if (card && f && f !== document.body && card.contains(f)) {   /* a keyboard reader is inside: not now */
      timers.set(img, setTimeout(function () { dwelt(img); }, 1000));
      return;
    }
    if (queue.indexOf(img) < 0) queue.push(img);
    pump();
  }
  function pump() {                     /* one card at a time: the next click after the last card's rerun */
    pumpT = 0;
    if (busy && busy.isConnected && Date.now() - busySince < WAIT) { pumpT = setTimeout(pump, 150); return; }
    busy = null;
    queue.sort(function (a, b) { return a.getBoundingClientRect().top - b.getBoundingClientRect().top; });
    while (!queue.length && blocks.length && !busy) {   /* charts in view first, then the blocks ahead */
      var b = blocks.shift();
      if (!b.isConnected || b.disabled || !ready()) continue;
      busy = b; busySince = Date.now();
      b.click();                        /* the block's fragment reruns with its full cards */
    }
    while (queue.length && !busy) {
      var img = queue.shift();
      if (!img.isConnected || !(ratio.get(img) >= RATIO) || !ready()) continue;
      var btn = document.querySelector('.' + cfg.btn + keys.get(img) + ' button');
      if (!btn || btn.disabled) continue;
      io.unobserve(img); keys.delete(img); ratio.delete(img);
      busy = btn; busySince = Date.now();
      btn.click();                      /* the card's fragment reruns, not the page */
    }
    if ((queue.length || blocks.length) && !pumpT) pumpT = setTimeout(pump, 150);
  }
  function onScroll(e) {                /* Streamlit scrolls inside its main container: listen in the capture phase */
    if (location.pathname !== path) return;
    if (!armed) {
      var box = e.target.nodeType === 9 ? document.documentElement : e.target;   /* not the sidebar, not a table */
      /* the page scrolled itself (a deep link, focus, a clicked button brought into view): not the reader */
      if (held !== box && Date.now() - intent > INTENT) return;
      var sel = '[class*="' + cfg.btn + cfg.cards + '"]' + (cfg.full ? ', [class*="' + cfg.full + '"]' : '');
      if (!box.querySelector || !box.querySelector(sel)) return;
      armed = true; scroller = box === document.documentElement ? null : box; scan();
    }
    if (!scanT) scanT = setTimeout(function () { scanT = 0; scan(); }, 200);
  }
  function mark() { intent = Date.now(); }
  /* A keyboard reader who presses a far block's button (Enter or Space: a click with detail 0) lands on the
     block's first full card when it arrives, not after the block: the button they were on is gone. */
  function keyboardFull(e) {
    var box = cfg.full && e.detail === 0 && e.target.closest && e.target.closest('[class*="' + cfg.full + '"]');
    if (!box || e.target === busy) return;             /* not a button of ours, or pressed by this script */
    var light = box.previousElementSibling && box.previousElementSibling.querySelector('section.light-card[data-card]');
    var key = light && light.getAttribute('data-card'), until = Date.now() + WAIT;   /* the full card's st.key */
    if (!key) return;
    (function land() {
      var card = document.querySelector('.st-key-' + key + ' h4');
      if (card) { card.setAttribute('tabindex', '-1'); card.focus({preventScroll: true}); return; }
      if (Date.now() < until) setTimeout(land, 100);
    })();
  }
  reset(cfg);
  window.__streekLiveOnScroll = reset;
  addEventListener('wheel', mark, {capture: true, passive: true});
  addEventListener('touchmove', mark, {capture: true, passive: true});
  addEventListener('keydown', function (e) {
    var on = e.target.closest ? e.target : document.body;   /* keys a control uses itself do not scroll */
    if (SCROLL_KEYS.indexOf(e.key) >= 0 && !on.closest(KEYS_TAKEN)
        && !(e.key === ' ' && on.closest('button, summary, [role=button]'))) mark();
  }, true);
  /* dragging the scroll bar: the press lands on the scrolling element itself (a press on a button inside it,
     which the browser may scroll into view, is no scroll of the reader's) */
  addEventListener('mousedown', function (e) { held = e.target; }, true);
  addEventListener('mouseup', function () { held = null; }, true);
  document.addEventListener('scroll', onScroll, {capture: true, passive: true});
  addEventListener('click', keyboardFull, true);
})();
