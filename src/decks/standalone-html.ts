/**
 * A deck as one standalone HTML file: opens offline in any browser, moves with the arrow keys,
 * prints one slide per page. Everything it needs is inside it, and its own security policy
 * (`default-src 'none'`) forbids it to fetch anything. It holds only what the slides show: each
 * picture is made from the slide alone, and user text is escaped (or, for captions, rendered by
 * the notes' markdown renderer, which has raw HTML off and checks links). Pictures are embedded as
 * `data:` images, so an SVG can never run a script in the page.
 */
import { renderNoteHtml } from '../notes/markdown'

export interface StandaloneSlide {
  kind: 'map' | 'chart' | 'text'
  title: string
  /** Markdown. */
  caption: string
  /** A standalone SVG document (maps and charts). */
  picture?: { svg: string; width: number; height: number; alt: string }
}

export interface StandaloneDeck {
  title: string
  lang: 'en' | 'fr'
  slides: StandaloneSlide[]
  labels: {
    /** "Slide {{n}} of {{total}}" with `{n}` and `{total}` placeholders. */
    position: string
    previous: string
    next: string
    help: string
    empty: string
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** An SVG document as a `data:` URL (percent-encoded, so it holds no quote or angle bracket). */
export function svgDataUrl(svg: string): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '')
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(body).replace(/'/g, '%27')}`
}

const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;background:#fbfaf7;color:#1f2328;font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{height:100%}
.slide{display:none;height:100%;padding:3vh 4vw 9vh;flex-direction:column;gap:2vh}
.slide.current{display:flex}
.slide h2{margin:0;font-size:clamp(28px,4.2vw,64px);line-height:1.15;overflow-wrap:anywhere}
.slide.text h2{font-size:clamp(36px,6vw,88px);margin-top:18vh}
.picture{flex:1;min-height:0;display:flex;align-items:center;justify-content:center}
.picture img{max-width:100%;max-height:100%;object-fit:contain}
.caption{font-size:clamp(18px,1.8vw,30px);max-width:70em;overflow-wrap:anywhere}
.caption p{margin:.3em 0}
nav{position:fixed;left:0;right:0;bottom:0;display:flex;align-items:center;gap:1em;justify-content:center;padding:1vh;font-size:16px;color:#5b616b}
nav button{font:inherit;padding:.3em .9em;border:1px solid #c9c3b8;border-radius:6px;background:#fff;color:#1f2328;cursor:pointer}
nav button:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.help{position:absolute;left:-9999px}
@media (prefers-color-scheme:dark){html,body{background:#1b1917;color:#ece7e1}nav{color:#aaa39a}nav button{background:#2b2724;color:#ece7e1;border-color:#3a3531}}
@media print{
@page{size:landscape;margin:12mm}
html,body{height:auto;background:#fff;color:#000}
nav{display:none}
.slide{display:flex!important;height:180mm;page-break-after:always;break-after:page;padding:0}
.slide:last-child{page-break-after:auto;break-after:auto}
}
`

const SCRIPT = `
(function(){
var slides=[].slice.call(document.querySelectorAll('.slide'));
var status=document.getElementById('position');
var template=status.getAttribute('data-template');
var typed='';var index=0;
function show(n){
if(!slides.length)return;
index=Math.max(0,Math.min(slides.length-1,n));
slides.forEach(function(s,i){s.classList.toggle('current',i===index);s.setAttribute('aria-hidden',i===index?'false':'true')});
status.textContent=template.replace('{n}',String(index+1)).replace('{total}',String(slides.length));
if(history.replaceState)history.replaceState(null,'','#'+(index+1));
}
document.getElementById('previous').addEventListener('click',function(){show(index-1)});
document.getElementById('next').addEventListener('click',function(){show(index+1)});
document.addEventListener('keydown',function(e){
if(e.ctrlKey||e.metaKey||e.altKey)return;
var k=e.key;
if(k==='ArrowRight'||k==='ArrowDown'||k==='PageDown'||k===' '||k==='n'){e.preventDefault();show(index+1)}
else if(k==='ArrowLeft'||k==='ArrowUp'||k==='PageUp'||k==='p'){e.preventDefault();show(index-1)}
else if(k==='Home'){e.preventDefault();show(0)}
else if(k==='End'){e.preventDefault();show(slides.length-1)}
else if(/^[0-9]$/.test(k)){typed=(typed+k).slice(-4)}
else if(k==='Enter'&&typed){e.preventDefault();show(parseInt(typed,10)-1);typed=''}
else if(k==='Escape'){typed=''}
});
var start=parseInt((location.hash||'').slice(1),10);
show(isNaN(start)?0:start-1);
})();
`

function slideHtml(slide: StandaloneSlide, index: number): string {
  const title = slide.title.trim()
  const heading = title ? `<h2>${escapeHtml(title)}</h2>` : ''
  const picture = slide.picture
    ? `<div class="picture"><img src="${escapeHtml(svgDataUrl(slide.picture.svg))}" width="${String(
        Math.round(slide.picture.width),
      )}" height="${String(Math.round(slide.picture.height))}" alt="${escapeHtml(
        slide.picture.alt,
      )}"></div>`
    : ''
  const caption = slide.caption.trim()
    ? `<div class="caption">${renderNoteHtml(slide.caption, 50_000)}</div>`
    : ''
  return `<section class="slide ${slide.kind}" id="slide-${String(index + 1)}" aria-hidden="true">${heading}${picture}${caption}</section>`
}

export function writeStandaloneHtml(deck: StandaloneDeck): string {
  const { labels } = deck
  const body = deck.slides.length
    ? deck.slides.map(slideHtml).join('\n')
    : `<section class="slide text current"><h2>${escapeHtml(labels.empty)}</h2></section>`
  return `<!doctype html>
<html lang="${deck.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(deck.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main aria-roledescription="slides">
${body}
</main>
<nav aria-label="${escapeHtml(deck.title)}">
<button type="button" id="previous">${escapeHtml(labels.previous)}</button>
<span id="position" role="status" data-template="${escapeHtml(labels.position)}"></span>
<button type="button" id="next">${escapeHtml(labels.next)}</button>
<span class="help">${escapeHtml(labels.help)}</span>
</nav>
<script>${SCRIPT}</script>
</body>
</html>
`
}
