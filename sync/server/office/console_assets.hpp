#pragma once
// The console's stylesheet and its one script, served from /office/static/ (the CSP allows no
// inline script or style). The script only refreshes the calls board: the pages work without it.

namespace dc::server::office {

inline constexpr const char* kConsoleCss = R"CSS(
:root { --ink: #14213d; --muted: #4a5568; --line: #8a94a6; --bg: #f4f6fa; --card: #ffffff;
        --accent: #0b4f9c; --accent-ink: #ffffff; --warn: #8a1c1c; --ok: #1d6b35; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 9; }
header { background: var(--ink); color: #fff; padding: 8px 16px; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
header h1 { font-size: 20px; margin: 0 16px 0 0; }
header nav a, header nav button { color: #fff; font-weight: bold; margin-right: 12px; }
header nav a[aria-current="page"] { text-decoration: underline 3px; }
header .who { margin-left: auto; display: flex; gap: 12px; align-items: center; }
header .langs a { color: #fff; margin-left: 6px; }
header form { display: inline; }
header button { background: transparent; color: #fff; border: 2px solid #fff; border-radius: 6px; padding: 4px 10px; font: inherit; cursor: pointer; }
main { padding: 16px; max-width: 1280px; }
.notice { padding: 10px 14px; border-left: 6px solid var(--ok); background: #e6f4ea; margin: 0 0 16px; }
.problem { padding: 10px 14px; border-left: 6px solid var(--warn); background: #fbeaea; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; background: var(--card); margin-bottom: 16px; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #e3e8f0; }
.tabs a { display: inline-block; padding: 8px 14px; margin-right: 4px; border: 2px solid var(--line); border-bottom: none;
          border-radius: 6px 6px 0 0; background: #e3e8f0; text-decoration: none; color: var(--ink); }
.tabs a[aria-current="page"] { background: var(--card); font-weight: bold; }
form.filters { display: flex; gap: 12px; align-items: end; flex-wrap: wrap; margin: 12px 0; }
label { display: block; font-weight: bold; margin: 12px 0 4px; }
input, select, textarea { font: inherit; padding: 8px; border: 2px solid var(--line); border-radius: 6px; min-height: 44px; }
textarea { width: 100%; min-height: 6em; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; padding: 8px 12px; }
legend { font-weight: bold; }
label.check { display: inline-flex; align-items: center; gap: 6px; font-weight: normal; margin-right: 16px; min-height: 44px; }
label.check input { min-height: auto; width: 22px; height: 22px; }
a.button { display: inline-block; background: var(--accent); color: var(--accent-ink); border-radius: 6px; padding: 10px 16px; font-weight: bold; text-decoration: none; }
button.primary, input[type=submit] { background: var(--accent); color: var(--accent-ink); border: none; border-radius: 6px;
          padding: 10px 18px; font: inherit; font-weight: bold; min-height: 44px; cursor: pointer; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 16px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { font-weight: bold; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.status { font-weight: bold; }
.call-new { background: #fff4d6; }
.call-raised { background: #ffe0e0; font-weight: bold; }
.hint { color: var(--muted); }
img.photo { max-width: 100%; border: 1px solid var(--line); }
.narrow { max-width: 420px; } .wide { width: 100%; }
@media (max-width: 700px) { header .who { margin-left: 0; } dl { grid-template-columns: 1fr; } }
)CSS";

inline constexpr const char* kConsoleJs = R"JS(
'use strict';
// The calls board: asks for the calls every 3 s, redraws the table with DOM calls (never HTML
// from data), and chimes when a call is new or when one no one took is raised again.
(function () {
  const board = document.getElementById('calls-body');
  if (!board) return;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const words = JSON.parse(document.getElementById('calls-words').textContent);
  const live = document.getElementById('calls-live');
  let known = null;
  const raisedSeen = new Map();
  function chime() {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      const osc = ctx.createOscillator(); const gain = ctx.createGain();
      osc.frequency.value = 880; gain.gain.value = 0.2; osc.connect(gain); gain.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 0.3);
    } catch (e) { /* no sound card: the highlighted row and the live region still tell */ }
  }
  function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
  function draw(calls) {
    const fresh = [], again = [];
    board.replaceChildren();
    if (calls.length === 0) {
      const row = document.createElement('tr'); const td = cell(row, words.none); td.colSpan = 4; board.appendChild(row);
    }
    for (const c of calls) {
      const row = document.createElement('tr');
      row.dataset.call = c.id;
      if (known !== null && !known.has(c.id)) { row.className = 'call-new'; fresh.push(c); }
      if (!c.ackBy && c.raised > 0) {
        row.className = 'call-raised';
        if (known !== null && (raisedSeen.get(c.id) || 0) < c.raised) again.push(c);
      }
      raisedSeen.set(c.id, c.raised);
      cell(row, c.at + (!c.ackBy && c.raised > 0 ? ' · ' + words.stillWaiting + ' · ' + c.waitingMinutes + ' ' + words.minutes : ''));
      cell(row, c.kiosk); cell(row, c.language);
      const last = document.createElement('td');
      if (c.ackBy) { last.textContent = words.takenBy + ' ' + c.ackBy; }
      else {
        const form = document.createElement('form'); form.method = 'post'; form.action = '/office/calls/' + encodeURIComponent(c.id) + '/ack';
        const token = document.createElement('input'); token.type = 'hidden'; token.name = 'csrf'; token.value = csrf;
        const button = document.createElement('button'); button.className = 'primary'; button.type = 'submit'; button.textContent = words.going;
        form.append(token, button); last.appendChild(form);
      }
      row.appendChild(last); board.appendChild(row);
    }
    if (fresh.length > 0) { chime(); live.textContent = words.newCall + ': ' + fresh.map(c => c.kiosk).join(', '); }
    else if (again.length > 0) { chime(); live.textContent = words.stillWaiting + ': ' + again.map(c => c.kiosk).join(', '); }
    known = new Set(calls.map(c => c.id));
  }
  async function poll() {
    try {
      const res = await fetch('/office/calls.json', { credentials: 'same-origin', cache: 'no-store' });
      if (res.ok) draw(await res.json());
    } catch (e) { /* offline for a moment: try again */ }
    setTimeout(poll, 3000);
  }
  poll();
})();
)JS";

}  // namespace dc::server::office
