/**
 * The web chat's script, served as /assets/chat.js. Plain browser JavaScript kept in a TypeScript
 * string so that it ships inside every build (tsx, vitest, the compiled Docker image) with no
 * front-end build step and no file to copy beside the compiled code.
 */
export const CHAT_SCRIPT = String.raw`/*
 * dondoc web chat: draws messages and their buttons, sends what the person types or taps to
 * /chat/send, and receives messages live from /chat/events (Server-Sent Events). Plain script,
 * no build step; every text is inserted as text, never as markup.
 */
(function () {
  'use strict';
  var log = document.getElementById('log');
  if (!log) return;
  var strings = JSON.parse(document.getElementById('dondoc-strings').textContent || '{}');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var toast = document.getElementById('toast');
  var replying = document.getElementById('replying');
  var replyingText = document.getElementById('replying-text');
  var nodes = new Map();
  var replyTo = null;
  var toastTimer = null;

  function clientId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function showToast(text, alert) {
    toast.textContent = text;
    toast.className = alert ? 'toast alert' : 'toast';
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.hidden = true; }, alert ? 6000 : 3500);
  }

  /** Text with web addresses turned into links (the dashboard link arrives this way). */
  function appendText(el, text) {
    var re = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;
    var last = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      el.append(text.slice(last, m.index));
      var a = document.createElement('a');
      a.href = m[0];
      a.textContent = m[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      el.append(a);
      last = m.index + m[0].length;
    }
    el.append(text.slice(last));
  }

  /** Clock time in Vietnam, where dondoc's deadlines and office hours are. */
  function timeOf(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.toLocaleTimeString(document.documentElement.lang || 'vi', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' });
  }

  function render(msg) {
    var el = document.createElement('article');
    el.className = 'msg ' + msg.from;
    el.dataset.id = String(msg.id);
    var body = document.createElement('div');
    body.className = 'text';
    appendText(body, msg.text);
    el.append(body);
    (msg.rows || []).forEach(function (row) {
      var line = document.createElement('div');
      line.className = 'buttons';
      row.forEach(function (b) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'action';
        button.textContent = b.label;
        button.addEventListener('click', function () { press(msg.id, b.action, el); });
        line.append(button);
      });
      el.append(line);
    });
    var meta = document.createElement('div');
    meta.className = 'meta';
    meta.append(timeOf(msg.at));
    if (msg.from === 'bot') {
      var reply = document.createElement('button');
      reply.type = 'button';
      reply.className = 'reply';
      reply.textContent = strings.reply;
      reply.addEventListener('click', function () { setReply(msg); });
      meta.append(reply);
    }
    el.append(meta);
    return el;
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  /** Adds a message in id order, or replaces it when it is already shown (an edited card). */
  function upsert(msg) {
    var el = render(msg);
    var old = nodes.get(msg.id);
    nodes.set(msg.id, el);
    if (old) {
      old.replaceWith(el);
      return;
    }
    var stick = nearBottom() || msg.from === 'user';
    var next = null;
    nodes.forEach(function (node, id) {
      if (id > msg.id && node.isConnected && (!next || id < Number(next.dataset.id))) next = node;
    });
    log.insertBefore(el, next);
    if (stick) log.scrollTop = log.scrollHeight;
  }

  function setReply(msg) {
    replyTo = msg ? msg.id : null;
    replying.hidden = !msg;
    replyingText.textContent = msg ? msg.text.split('\n')[0] : '';
    if (msg) input.focus();
  }

  function apply(result) {
    (result.edits || []).forEach(upsert);
    (result.messages || []).forEach(upsert);
    if (result.notice && result.notice.text) showToast(result.notice.text, result.notice.alert);
    if (result.personChanged) window.location.reload();
  }

  function post(payload) {
    payload.clientId = clientId();
    return fetch('/chat/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload),
    }).then(function (res) {
      if (res.status === 429) {
        return res.json().then(function (body) {
          throw new Error((body.notice && body.notice.text) || strings.error);
        });
      }
      if (!res.ok) throw new Error(strings.error);
      if (document.body.dataset.live !== '1') connect();
      return res.json();
    });
  }

  function press(messageId, action, el) {
    var buttons = el.querySelectorAll('button.action');
    buttons.forEach(function (b) { b.disabled = true; });
    post({ action: action, messageId: messageId })
      .then(apply)
      .catch(function (err) { showToast(err.message || strings.error, true); })
      .finally(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  }

  function send(text) {
    if (!text.trim()) return;
    var payload = { text: text };
    if (replyTo) payload.replyTo = replyTo;
    setReply(null);
    post(payload).then(apply).catch(function (err) {
      input.value = text;
      showToast(err.message || strings.error, true);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });
  document.querySelectorAll('button.chip').forEach(function (chip) {
    chip.addEventListener('click', function () { send(chip.dataset.text || ''); });
  });
  document.getElementById('reply-cancel').addEventListener('click', function () { setReply(null); });

  // A first visit has no chat session until the person acts: the stream opens again after the
  // first message (connect() from post), when the session exists.
  var events = null;
  function connect() {
    if (events) events.close();
    events = new EventSource('/chat/events');
    events.addEventListener('message', function (e) { upsert(JSON.parse(e.data)); });
    events.addEventListener('edit', function (e) { upsert(JSON.parse(e.data)); });
    events.addEventListener('ready', function () {
      document.body.dataset.live = '1';
      log.scrollTop = log.scrollHeight;
    });
    events.addEventListener('error', function () {
      if (document.body.dataset.live === '1') showToast(strings.offline, false);
      document.body.dataset.live = '0';
    });
  }
  connect();
})();
`;
