/* The browser half of pages/clickable_map.py: the map as a still SVG (vl-convert, published as a file)
   whose 13 municipalities are buttons. No Vega: the page stays as light as a page of still charts.

   data: {layouts: [{w, h, url}] (narrowest first), selected: NIS code or null,
          names: {nis: name}, tips: {nis: tooltip text}, label: the map's accessible name,
          failed: what the reader reads when the picture cannot be loaded}
   A click (or Enter/Space on a focused municipality) marks the shape at once and sends the code to
   Python as the trigger value "click". Called again on every rerun with the new data. */
const svgText = new Map();                  /* url -> SVG text, shared by every mount in the tab */

function layoutFor(layouts, width) {        /* the narrowest layout at least ~90 % as wide as the box */
  for (const l of layouts) if (l.w >= width * 0.9) return l;
  return layouts[layouts.length - 1];
}

function fetchSvg(url) {
  if (!svgText.has(url)) {
    svgText.set(url, fetch(url).then(r => {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.text();
    }).catch(e => { svgText.delete(url); throw e; }));
  }
  return svgText.get(url);
}

export default function (component) {
  const {data, parentElement, setTriggerValue} = component;
  let box = parentElement.querySelector('.streek-map');
  if (!box) {
    box = document.createElement('div');
    box.className = 'streek-map';
    parentElement.appendChild(box);
  }
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', data.label);
  box.dataset.selected = data.selected || '';

  function mark(nis) {                      /* the selected outline: drawn last in its layer, so no neighbour covers it */
    box.querySelectorAll('[data-nis]').forEach(p => {
      const on = p.dataset.nis === nis;
      p.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (on && p.parentNode.lastElementChild !== p) p.parentNode.appendChild(p);
    });
  }
  function choose(nis) {
    if (!nis) return;
    box.dataset.selected = nis;
    mark(nis);
    setTriggerValue('click', nis);
  }
  function wire(svg) {
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('focusable', 'false');
    /* Vega's ARIA roles (graphics-symbol containers without a name) go: the map is a group of
       buttons, one per municipality, named by the box's label */
    svg.querySelectorAll('[role], [aria-roledescription]').forEach(e => {
      e.removeAttribute('role');
      e.removeAttribute('aria-roledescription');
    });
    const names = Object.entries(data.names);
    svg.querySelectorAll('path[aria-label]').forEach(p => {
      const label = p.getAttribute('aria-label');
      const hit = names.find(([, name]) => label.startsWith(name + ':'));
      if (!hit) return;
      const nis = hit[0];
      p.dataset.nis = nis;
      p.setAttribute('role', 'button');
      p.setAttribute('tabindex', '0');
      p.removeAttribute('aria-roledescription');
      const tip = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      tip.textContent = data.tips[nis] || label;
      p.appendChild(tip);
    });
  }
  function show() {
    const l = layoutFor(data.layouts, box.clientWidth || parentElement.clientWidth || 600);
    box.style.aspectRatio = l.w + ' / ' + l.h;        /* the space is kept while the file loads */
    if (box.dataset.url === l.url) { mark(box.dataset.selected); return; }
    fetchSvg(l.url).then(text => {
      if (!box.isConnected) return;
      box.innerHTML = text;
      box.dataset.url = l.url;
      const svg = box.querySelector('svg');
      if (svg) wire(svg);
      mark(box.dataset.selected);
      box.dataset.ready = '1';
    }).catch(e => {                         /* the reader gets a sentence; the console the cause */
      console.error('streek-kaart:', e);
      box.style.aspectRatio = 'auto';
      box.innerHTML = '';
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = data.failed;
      box.appendChild(p);
    });
  }

  const onClick = e => {
    const p = e.target.closest && e.target.closest('[data-nis]');
    if (p) choose(p.dataset.nis);
  };
  const onKey = e => {
    const p = e.target.closest && e.target.closest('[data-nis]');
    if (p && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); choose(p.dataset.nis); }
  };
  box.addEventListener('click', onClick);
  box.addEventListener('keydown', onKey);
  let last = box.clientWidth;
  const ro = new ResizeObserver(() => {   /* a turned phone or a resized window: another layout may fit */
    if (Math.abs(box.clientWidth - last) > 20) { last = box.clientWidth; show(); }
  });
  ro.observe(box);
  show();
  return () => {
    box.removeEventListener('click', onClick);
    box.removeEventListener('keydown', onKey);
    ro.disconnect();
  };
}
