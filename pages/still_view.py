"""A chart first as a still image, interactive one click away (issue 9: page weight).

Vega (≈ 775 KB of script, a render after the script run) is the heaviest thing a page can load.
Where a chart is not the page's main interaction, the page shows it as a still SVG image
(``pages/static_files.still_chart``, cached per chart, data version and language) and an
"Interactieve grafiek" button that swaps it for the Vega chart (tooltips), the way the pillar
cards do (``pages/pillar_view.card_chart``). The swap runs in an ``st.fragment``: the click reruns
that chart only, never the page.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable
from functools import cache

import streamlit as st

from pages.static_files import publish, still_chart
from streek.i18n import t

LIVE = "live-"     # session state: the reader asked for the interactive chart ``LIVE + key``


@st.cache_resource(show_spinner=False, max_entries=256)   # ~40 charts × 2 languages
def still_image(name: str, version: str, lang: str, _spec, _alt: str, css_class: str = "streek-still",
                box_height: int | None = None) -> str:
    """The ``<img>`` of a still chart, made once per (chart name, data version, language): shared by
    every session, never mutated. ``_spec`` is the Vega-Lite spec (dict or JSON text). ``box_height``:
    the height of the interactive chart that replaces it (``static_files.still_chart``)."""
    return still_chart(_spec, _alt, lang, css_class=css_class, box_height=box_height)


def button_key(key: str) -> str:
    """The st.key of chart ``key``'s "Interactieve grafiek" button (CSS class ``st-key-live-btn-<key>``)."""
    return f"{LIVE}btn-{key}"


def _go_live(key: str) -> None:
    st.session_state[LIVE + key] = True


def is_live(key: str) -> bool:
    return bool(st.session_state.get(LIVE + key))


@st.fragment
def still_or_live(key: str, still: Callable[[], None], live: Callable[[], None], lang: str,
                  label_key: str = "pillars.card.interactive", help_key: str = "pillars.card.interactive_help",
                  after: Callable[[], None] | None = None) -> None:
    """``still()`` draws the still image (and its caption) with a button under it; after the click,
    ``live()`` draws the interactive chart instead. ``after()`` (e.g. the lazy "Data en downloads")
    follows the button. ``key`` names the chart (unique on the page)."""
    if is_live(key):
        live()
        return
    still()
    st.button(t(label_key, lang), key=button_key(key), on_click=_go_live, args=(key,),
              icon=":material/touch_app:", help=t(help_key, lang))
    if after is not None:
        after()


# The browser half of live_on_scroll (runs in the page, not in an iframe; installed once per browser tab).
# Published as a file (static_files.publish): the run carries only its address and settings, and the
# browser caches it.
_LIVE_ON_SCROLL = """(function () {
  var cfg = JSON.parse(document.currentScript.getAttribute('data-cfg'));
  if (window.__streekLiveOnScroll) { window.__streekLiveOnScroll(cfg); return; }   /* rerun or page switch */
  var RATIO = 0.4, DWELL = 400, WAIT = 10000, INTENT = 1000;
  var SCROLL_KEYS = ['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', ' ', 'Home', 'End'];
  var KEYS_TAKEN = 'input, textarea, select, [contenteditable], [role=slider], [role=radio], [role=tab], [role=listbox]';
  var path, armed, io, keys, ratio, timers, queue, busy, busySince, intent = 0, held = false, scanT = 0, pumpT = 0;

  function reset(c) {                   /* (re)start on this page: wait for the reader's first scroll again */
    cfg = c; path = location.pathname; armed = false;
    if (io) io.disconnect();
    if (timers) timers.forEach(clearTimeout);
    io = null; keys = new Map(); ratio = new Map(); timers = new Map(); queue = []; busy = null;
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
    while (queue.length && !busy) {
      var img = queue.shift();
      if (!img.isConnected || !(ratio.get(img) >= RATIO) || !ready()) continue;
      var btn = document.querySelector('.' + cfg.btn + keys.get(img) + ' button');
      if (!btn || btn.disabled) continue;
      io.unobserve(img); keys.delete(img); ratio.delete(img);
      busy = btn; busySince = Date.now();
      btn.click();                      /* the card's fragment reruns, not the page */
    }
    if (queue.length && !pumpT) pumpT = setTimeout(pump, 150);
  }
  function onScroll(e) {                /* Streamlit scrolls inside its main container: listen in the capture phase */
    if (location.pathname !== path) return;
    if (!armed) {
      if (!held && Date.now() - intent > INTENT) return;   /* the page scrolled itself (a deep link, focus) */
      var box = e.target.nodeType === 9 ? document.documentElement : e.target;   /* not the sidebar, not a table */
      if (!box.querySelector || !box.querySelector('[class*="' + cfg.btn + cfg.cards + '"]')) return;
      armed = true; scan();
    }
    if (!scanT) scanT = setTimeout(function () { scanT = 0; scan(); }, 200);
  }
  function mark() { intent = Date.now(); }
  reset(cfg);
  window.__streekLiveOnScroll = reset;
  addEventListener('wheel', mark, {capture: true, passive: true});
  addEventListener('touchmove', mark, {capture: true, passive: true});
  addEventListener('keydown', function (e) {
    var on = e.target.closest ? e.target : document.body;   /* keys a control uses itself do not scroll */
    if (SCROLL_KEYS.indexOf(e.key) >= 0 && !on.closest(KEYS_TAKEN)
        && !(e.key === ' ' && on.closest('button, summary, [role=button]'))) mark();
  }, true);
  addEventListener('mousedown', function () { held = true; }, true);   /* dragging the scroll bar */
  addEventListener('mouseup', function () { held = false; }, true);
  document.addEventListener('scroll', onScroll, {capture: true, passive: true});
})();
"""


@cache
def _live_on_scroll_url() -> str:
    return publish(_LIVE_ON_SCROLL.encode(), ".js")


def live_on_scroll(card_prefix: str, page: str, heights: dict[str, int] | None = None) -> None:
    """Make a card's chart interactive when the reader scrolls to it, as if they pressed its button.

    Nothing happens at load: the first screen stays still images (no Vega) until the reader scrolls
    (wheel, touch, scroll keys or the scroll bar; a scroll the page makes itself, such as a deep link or
    a click's scrolling into view, does not count). After that, a chart whose still image is at least
    40 % in view for 0,4 s has its "Interactieve grafiek" button pressed by the page, one card at a time
    (the next after the last card's fragment has rerun): a fast fling past ten cards starts none of them.
    Never while printing or while keyboard focus is inside the card. Only charts whose ``still_or_live``
    key starts with ``card_prefix`` and whose card is the container keyed with that same key (the
    pillar cards: ``ambitie-2-1-2``). ``page`` names the page, so that the script starts afresh on
    another page (Streamlit re-executes a changed ``st.html`` script; a flag on ``window`` keeps its
    listeners single). ``heights``: per chart key, the height (px) of its interactive chart: while
    Vega's script loads (the first chart of a visit) its placeholder keeps that height instead of
    collapsing to ~40 px, so the page does not jump under the reader."""
    cfg = json.dumps({"btn": "st-key-" + button_key(""), "cards": card_prefix, "page": page})
    hold = "".join(f".st-key-{key} .stPrintGraphic>[data-testid=stSkeleton]{{height:{int(h)}px}}"
                   for key, h in (heights or {}).items() if h)
    st.html((f"<style>{hold}</style>" if hold else "")
            + f'<script src="{_live_on_scroll_url()}" data-cfg="{html.escape(cfg, quote=True)}"></script>',
            unsafe_allow_javascript=True, width="content")
