"""Jump menu at the top of a pillar page: one link per building block to its header (issue 12).

A pillar page is long (on a phone > 20.000 px); these anchor links, plain HTML so that they work
by keyboard and on phones, jump to the block's header. ``?bouwsteen=2.1`` (from the search box)
scrolls to that block on arrival."""
from __future__ import annotations

import html
import json

import streamlit as st

from streek.i18n import t
from streek.model import Vision

BLOCK_KEY = "bouwsteen"
CSS = """<style>
nav.jump{display:flex;flex-wrap:wrap;gap:.35rem .5rem;margin:.2rem 0 .6rem 0}
nav.jump a{border:1px solid #1F4E79;border-radius:1rem;padding:.1rem .7rem;text-decoration:none;color:#1F4E79}
nav.jump a:hover{text-decoration:underline}
nav.jump a:focus-visible{outline:3px solid #1F4E79;outline-offset:2px}
h2[id^="bouwsteen-"]{scroll-margin-top:4.5rem}
</style>"""


def block_anchor(code: str) -> str:
    """The HTML id of a building block's header: ``bouwsteen-2-1``."""
    return "bouwsteen-" + code.replace(".", "-")


def jump_menu(vision: Vision, pillar_code: str, lang: str) -> None:
    """Links to every building block of the pillar; scrolls to ``?bouwsteen=`` when given."""
    blocks = vision.blocks_of(pillar_code)
    label = t("jump.label", lang)
    links = "".join(f'<a href="#{block_anchor(b.code)}" target="_self" title="{html.escape(b.title_nl)}">'
                    f"{html.escape(b.code)} {html.escape(b.title_nl)}</a>" for b in blocks)
    st.markdown(f'{CSS}<nav class="jump" aria-label="{html.escape(label)}">{links}</nav>', unsafe_allow_html=True)
    wanted = st.query_params.get(BLOCK_KEY)
    if wanted and any(b.code == wanted for b in blocks):
        target = json.dumps(block_anchor(wanted))
        st.html(f"""<script>(function() {{
  var n = 0, stop = false;
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function(e) {{
    window.addEventListener(e, function() {{ stop = true; }}, {{once: true, passive: true}});
  }});
  (function go() {{
    if (stop) return;
    var el = document.getElementById({target});
    if (el) el.scrollIntoView({{block: 'start'}});
    if (++n < 12) setTimeout(go, 350);
  }})();
}})();</script>""", unsafe_allow_javascript=True, width="content")
