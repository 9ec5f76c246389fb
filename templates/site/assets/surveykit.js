/* SurveyKit survey pages. The page works without this file; with it, a respondent gets skip logic, validation with
   the same rules and messages as the server, steps, saved progress and an outbox that never loses an answer. */
(function () {
  "use strict";
  var d = document, w = window, store = storage();
  var OUTBOX = "surveykit:outbox";
  d.documentElement.className += " js";

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function fmt(text, value) { return (text || "").replace("{0}", value).replace("{1}", arguments[2]); }
  function isMap(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

  function storage() {
    var memory = {};
    try {
      var probe = "surveykit:probe";
      w.localStorage.setItem(probe, "1");
      w.localStorage.removeItem(probe);
      return w.localStorage;
    } catch (e) {
      return {
        getItem: function (k) { return memory.hasOwnProperty(k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }

  function load(key, fallback) {
    try { var v = JSON.parse(store.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }

  function save(key, value) {
    try { store.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  /* The runtime of compiled show_if conditions (SurveyKit.Site/Scripts/ConditionScript.cs). Its semantics are those
     of Core's ConditionEvaluator: a comparison with an unanswered value is false, "na" is never a grade, and a
     condition holds only when it is exactly true. */
  function Runtime(answers, context) { this.A = answers; this.C = context; }
  function same(a, b) { return typeof a === typeof b && (typeof a === "string" || typeof a === "boolean" || typeof a === "number") && a === b; }
  function graded(map) { var n = 0; for (var k in map) { if (typeof map[k] === "number") { n++; } } return n; }
  Runtime.prototype = {
    t: function (x) { return x === true; },
    v: function (name) {
      if (this.A.hasOwnProperty(name)) { return this.A[name]; }
      return this.C.hasOwnProperty(name) ? this.C[name] : null;
    },
    m: function (name, member) {
      var map = this.A[name];
      return isMap(map) && typeof map[member] === "number" ? map[member] : null;
    },
    c: function (op, l, r) {
      if (l === null || r === null || l === undefined || r === undefined) { return false; }
      if (typeof l === "number" && typeof r === "number") {
        switch (op) {
          case "==": return l === r;
          case "!=": return l !== r;
          case "<": return l < r;
          case "<=": return l <= r;
          case ">": return l > r;
          default: return l >= r;
        }
      }
      return op === "==" ? same(l, r) : op === "!=" ? !same(l, r) : false;
    },
    i: function (value, list) {
      return value !== null && list.some(function (x) { return x !== null && same(value, x); });
    },
    a: function (x) {
      if (x === null || x === undefined) { return false; }
      if (typeof x === "string" || Array.isArray(x)) { return x.length > 0; }
      if (isMap(x)) { return graded(x) > 0; }
      return true;
    },
    h: function (list, option) { return Array.isArray(list) && typeof option === "string" && list.indexOf(option) >= 0; },
    n: function (x) { return Array.isArray(x) ? x.length : isMap(x) ? graded(x) : 0; }
  };
  w.SurveyKitRuntime = Runtime;

  function holds(key, runtime) {
    var rule = (w.SurveyKitRules || {})[key];
    return rule ? rule(runtime) : true;
  }

  function checked(root, name) {
    var input = all(root, "input[name=\"" + name + "\"]").filter(function (i) { return i.checked; })[0];
    return input ? input.value : null;
  }

  function show(element, visible) { element.hidden = !visible; }

  var INVALID_NUMBER = {};

  /* Reads one question's answer as the submission format has it (docs: formats.md); undefined means not answered. */
  function read(q, answers, runtime, apply) {
    var id = q.getAttribute("data-q"), type = q.getAttribute("data-type"), value, other;
    switch (type) {
      case "nps":
      case "rating":
        value = checked(q, id);
        return value === null ? undefined : value === "na" ? "na" : Number(value);
      case "touchpoints":
        var grades = {}, compare = {}, any = false, anyCompare = false;
        all(q, ".sk-item").forEach(function (item) {
          var key = item.getAttribute("data-item");
          var visible = !item.hasAttribute("data-cond") || holds(id + "." + key, runtime);
          if (apply) { show(item, visible); }
          if (!visible) { return; }
          var grade = checked(item, id + "." + key);
          if (grade !== null) { grades[key] = grade === "na" ? "na" : Number(grade); any = true; }
          var group = item.querySelector(".sk-compare");
          if (group) {
            var graded = grade !== null && grade !== "na";
            if (apply) { show(group, graded); }
            var c = graded ? checked(group, id + "_compare." + key) : null;
            if (c !== null) { compare[key] = c; anyCompare = true; }
          }
        });
        if (anyCompare) { answers[id + "_compare"] = compare; }
        return any ? grades : undefined;
      case "single_choice":
      case "multi_choice":
        var picked = all(q, "input[name=\"" + id + "\"]").filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        var otherBox = q.querySelector(".sk-other");
        if (otherBox) {
          var chosen = picked.indexOf("other") >= 0;
          if (apply) { show(otherBox, chosen); }
          other = otherBox.querySelector("input").value.trim();
          if (chosen && other) { answers[id + "_other"] = other; }
        }
        if (type === "single_choice") { return picked.length ? picked[0] : undefined; }
        return picked.length ? picked : undefined;
      case "consent":
        value = checked(q, id);
        return value === null ? undefined : value === "true";
      case "number":
        value = q.querySelector("input").value.trim();
        if (!value) { return undefined; }
        return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(value) ? Number(value.replace(",", ".")) : INVALID_NUMBER;
      default:
        value = q.querySelector("input,textarea").value.trim();
        return value ? value : undefined;
    }
  }

  /* Walks the questions in order: decides what is shown (a condition reads only earlier answers) and collects answers. */
  function evaluate(form, apply) {
    var answers = {}, context = readContext(form), runtime = new Runtime(answers, context), invalid = {};
    all(form, ".sk-q").forEach(function (q) {
      var id = q.getAttribute("data-q");
      var visible = !q.hasAttribute("data-cond") || holds(id, runtime);
      if (apply) { show(q, visible); }
      if (!visible) { return; }
      var value = read(q, answers, runtime, apply);
      if (value === INVALID_NUMBER) { invalid[id] = true; } else if (value !== undefined) { answers[id] = value; }
    });
    // Answers piped into texts ({recommend}): the survey's own script fills them in, for surveys that pipe.
    if (apply && w.SurveyKitPipe) { w.SurveyKitPipe(form, answers, context); }
    return { answers: answers, context: context, invalid: invalid };
  }

  function readContext(form) {
    var context = {};
    all(form, "input[data-context]").forEach(function (input) {
      if (!input.disabled && input.value) { context[input.getAttribute("data-context")] = input.value; }
    });
    return context;
  }

  /* The rules of Core's ResponseValidator that a respondent can break on a page, with the page's own messages. */
  function validate(form, state, scope) {
    var errors = [];
    all(scope, ".sk-q").forEach(function (q) {
      if (q.hidden) { return; }
      var id = q.getAttribute("data-q"), type = q.getAttribute("data-type"), value = state.answers[id];
      var m = function (rule) { return q.getAttribute("data-m-" + rule); };
      var message = null;
      if (state.invalid[id]) {
        message = m("number");
      } else if (value === undefined) {
        if (q.hasAttribute("data-required")) { message = m("required"); }
      } else if (type === "number") {
        var min = q.getAttribute("data-min"), max = q.getAttribute("data-max");
        if (q.hasAttribute("data-integer") && Math.floor(value) !== value) { message = m("integer"); }
        else if ((min !== null && value < Number(min)) || (max !== null && value > Number(max))) { message = m("range"); }
      } else if (type === "text" && value.length > Number(q.getAttribute("data-maxlength"))) {
        message = m("length");
      } else if (type === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
        message = m("email");
      } else if (type === "multi_choice") {
        var cmin = q.getAttribute("data-cmin"), cmax = q.getAttribute("data-cmax");
        if (cmin !== null && value.length < Number(cmin)) { message = m("count-min"); }
        else if (cmax !== null && value.length > Number(cmax)) { message = m("count-max"); }
      }
      if (message) { errors.push({ q: q, message: message }); }
    });
    return errors;
  }

  function describedBy(element, id, add) {
    var ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (add) { ids.push(id); }
    if (ids.length) { element.setAttribute("aria-describedby", ids.join(" ")); } else { element.removeAttribute("aria-describedby"); }
  }

  function target(q) { return q.querySelector("fieldset") || q.querySelector("input,textarea"); }

  function clearErrors(form) {
    all(form, ".sk-error").forEach(function (p) { p.parentNode.removeChild(p); });
    all(form, ".sk-invalid").forEach(function (q) {
      q.classList.remove("sk-invalid");
      describedBy(target(q), "sk-" + q.getAttribute("data-q") + "-error", false);
    });
    form.querySelector("#sk-errors").hidden = true;
    d.title = form._title;
  }

  function showErrors(form, errors) {
    clearErrors(form);
    var summary = form.querySelector("#sk-errors"), list = summary.querySelector("ul"), prefix = form.getAttribute("data-m-prefix");
    list.textContent = "";
    errors.forEach(function (error) {
      var q = error.q, id = q.getAttribute("data-q"), errorId = "sk-" + id + "-error";
      var p = d.createElement("p"), hidden = d.createElement("span");
      p.className = "sk-error";
      p.id = errorId;
      hidden.className = "vh";
      hidden.textContent = prefix + ": ";
      p.appendChild(hidden);
      p.appendChild(d.createTextNode(error.message));
      var label = q.querySelector(".sk-legend"), field = target(q);
      label.parentNode.insertBefore(p, label.nextSibling);
      q.classList.add("sk-invalid");
      describedBy(field, errorId, true);
      var first = all(q, "input,textarea").filter(function (i) { return !i.closest("[hidden]"); })[0];
      var item = d.createElement("li"), link = d.createElement("a");
      link.href = "#" + first.id;
      link.textContent = (label.firstChild ? label.firstChild.textContent.trim() : id) + " – " + error.message;
      link.addEventListener("click", function (e) {
        e.preventDefault();
        showPageOf(form, q);
        first.focus();
        q.scrollIntoView();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = false;
    d.title = prefix + ": " + d.title;
    summary.focus();
  }

  /* Steps: with more than one page, one is shown at a time; a page whose questions are all hidden is skipped. */
  function pages(form) { return all(form, ".sk-page"); }
  function current(form) { return pages(form).filter(function (p) { return !p.hidden; })[0]; }
  function hasVisible(page) { return all(page, ".sk-q").some(function (q) { return !q.hidden; }); }

  function go(form, page, focus) {
    var list = pages(form);
    if (list.length < 2) { return; }
    list.forEach(function (p) { show(p, p === page); });
    var index = list.indexOf(page), later = list.slice(index + 1).some(hasVisible);
    var earlier = list.slice(0, index).some(hasVisible);
    show(form.querySelector("[data-back]"), earlier);
    show(form.querySelector("[data-next]"), later);
    show(form.querySelector("[data-send]"), !later);
    var progress = form.querySelector("#sk-progress");
    if (form.hasAttribute("data-progress")) {
      var shown = list.filter(hasVisible);
      progress.textContent = fmt(form.getAttribute("data-m-step"), shown.indexOf(page) + 1, shown.length);
      progress.hidden = false;
    }
    if (focus) {
      var heading = page.querySelector("h2") || page.querySelector(".sk-legend");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      w.scrollTo(0, 0);
    }
  }

  function showPageOf(form, q) {
    var page = q.closest(".sk-page");
    if (page && page.hidden) { evaluate(form, true); go(form, page, false); }
  }

  function step(form, direction) {
    var list = pages(form), page = current(form), index = list.indexOf(page);
    var state = evaluate(form, true);
    if (direction > 0) {
      var errors = validate(form, state, page);
      if (errors.length) { showErrors(form, errors); return; }
      clearErrors(form);
    }
    for (var i = index + direction; i >= 0 && i < list.length; i += direction) {
      if (hasVisible(list[i])) { go(form, list[i], true); return; }
    }
  }

  /* Saved progress (only where the survey opts in): the raw fields, so every answer comes back as typed. */
  function progressKey(form) { return "surveykit:progress:" + form.getAttribute("data-survey") + ":" + form.getAttribute("data-version"); }

  function fields(form) { return all(form, "input[name],textarea[name]").filter(function (f) { return f.type !== "hidden" && f.name !== form.getAttribute("data-honeypot"); }); }

  function saveProgress(form) {
    if (!form.hasAttribute("data-save")) { return; }
    var values = {};
    fields(form).forEach(function (f) {
      if (f.type === "radio" || f.type === "checkbox") { if (f.checked) { (values[f.name] = values[f.name] || []).push(f.value); } }
      else if (f.value) { values[f.name] = [f.value]; }
    });
    save(progressKey(form), { values: values, started: form._started });
  }

  function restoreProgress(form) {
    if (!form.hasAttribute("data-save")) { return false; }
    var saved = load(progressKey(form), null);
    if (!saved || !saved.values) { return false; }
    fields(form).forEach(function (f) {
      var v = saved.values[f.name];
      if (!v) { return; }
      if (f.type === "radio" || f.type === "checkbox") { f.checked = v.indexOf(f.value) >= 0; } else { f.value = v[0]; }
    });
    if (saved.started) { form._started = saved.started; }
    return true;
  }

  /* The outbox: a response gets its id before the first attempt and stays on the device until the endpoint answers 2xx. */
  function uuid() {
    if (w.crypto && w.crypto.randomUUID) { return w.crypto.randomUUID(); }
    var b = new Uint8Array(16);
    w.crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function flatten(response) {
    var params = new URLSearchParams();
    ["responseId", "survey", "version", "lang", "submittedAt"].forEach(function (k) { params.append(k, response[k]); });
    Object.keys(response.context || {}).forEach(function (k) { params.append("context." + k, response.context[k]); });
    Object.keys(response.answers).forEach(function (k) {
      var v = response.answers[k];
      if (Array.isArray(v)) { v.forEach(function (x) { params.append(k, x); }); }
      else if (isMap(v)) { Object.keys(v).forEach(function (i) { params.append(k + "." + i, v[i]); }); }
      else { params.append(k, String(v)); }
    });
    return params;
  }

  // again: someone asked to send while a request was out (the connection came back); try once more right after it.
  var sending = false, again = false, retryDelay = 2000, retryTimer = null;

  function status(text) {
    var element = d.getElementById("sk-status");
    if (element) { element.textContent = text || ""; }
  }

  function flush() {
    if (sending) { again = true; return; }
    again = false;
    var box = load(OUTBOX, []);
    if (!box.length) { return; }
    sending = true;
    var item = box[0], form = d.getElementById("sk-form"), mine = form && form._pending === item.response.responseId;
    var request = item.type === "netlify"
      ? { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: (function () { var p = flatten(item.response); p.append("form-name", item.response.survey); return p.toString(); })() }
      : { method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, body: JSON.stringify(item.response) };
    request.credentials = "omit";
    request.referrerPolicy = "no-referrer";
    // A request that never answers (a stalled connection) must not hold the outbox forever: give up after 30 s and
    // retry like any other failure.
    var abort = w.AbortController ? new AbortController() : null, deadline = null;
    if (abort) { request.signal = abort.signal; deadline = setTimeout(function () { abort.abort(); }, 30000); }
    fetch(item.url, request).then(function (res) {
      clearTimeout(deadline);
      sending = false;
      if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)) {
        remove(item.response.responseId);
        retryDelay = 2000;
        if (res.ok) {
          if (mine) { w.location.assign(item.thanks); return; }
          flush();
          return;
        }
        return res.text().then(function (body) {
          var reason = body;
          try { var problem = JSON.parse(body); reason = problem.detail || problem.title || body; } catch (e) { /* not JSON */ }
          if (mine) { form._pending = null; status(/invitation-used/.test(body) ? form.getAttribute("data-m-answered") : fmt(form.getAttribute("data-m-rejected"), reason || res.status)); }
          flush();
        });
      }
      retry(form, mine);
    }, function () {
      clearTimeout(deadline);
      sending = false;
      retry(form, mine);
    });
  }

  function retry(form, mine) {
    if (mine) { status(form.getAttribute("data-m-offline")); }
    clearTimeout(retryTimer);
    if (again) { retryDelay = 2000; retryTimer = setTimeout(flush, 0); return; }
    retryTimer = setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  function remove(id) {
    var box = load(OUTBOX, []).filter(function (x) { return x.response.responseId !== id; });
    if (box.length) { save(OUTBOX, box); } else { store.removeItem(OUTBOX); }
  }

  function submit(form) {
    var state = evaluate(form, true), errors = validate(form, state, form);
    if (errors.length) {
      showPageOf(form, errors[0].q);
      showErrors(form, errors.filter(function (e) { return !e.q.closest(".sk-page").hidden; }));
      return;
    }
    clearErrors(form);
    var thanks = form.getAttribute("data-thanks");
    var honeypot = form.querySelector("[name=\"" + form.getAttribute("data-honeypot") + "\"]");
    if (honeypot && honeypot.value) { w.location.assign(thanks); return; }
    if (form._pending) { flush(); return; }
    var response = {
      responseId: uuid(),
      survey: form.getAttribute("data-survey"),
      version: Number(form.getAttribute("data-version")),
      submittedAt: new Date().toISOString(),
      lang: form.getAttribute("data-lang"),
      answers: state.answers,
      meta: { durationMs: Date.now() - form._started }
    };
    if (Object.keys(state.context).length) { response.context = state.context; }
    if (form._inv) { response.invitation = form._inv; }
    var box = load(OUTBOX, []);
    box.push({ url: form.getAttribute("data-endpoint"), type: form.getAttribute("data-submit"), thanks: thanks, response: response });
    if (!save(OUTBOX, box)) {
      // No room on the device: send once without a safety net rather than not at all.
      form.submit();
      return;
    }
    form._pending = response.responseId;
    store.removeItem(progressKey(form));
    status(form.getAttribute("data-m-sending"));
    flush();
  }

  // A personal link's token (?t=) carries the context, signed: the page sends it back, the collector checks it.
  // Without a token the link's plain parameters give the context.
  function fillContext(form) {
    var params = new URLSearchParams(w.location.search), t = params.get("t") || "", x = null;
    try { x = JSON.parse(decodeURIComponent(escape(atob(t.split(".")[0].replace(/-/g, "+").replace(/_/g, "/"))))).x; } catch (e) { /* no token */ }
    if (x) {
      form._inv = t;
      // Tell the collector the invitation was opened (for the response rate's "opened"); a static host has no such endpoint.
      var u = form.getAttribute("data-endpoint");
      if (/\/responses$/.test(u) && navigator.sendBeacon) { navigator.sendBeacon(u.replace(/responses$/, "opened"), t); }
    }
    all(form, "input[data-context]").forEach(function (input) {
      var name = input.getAttribute("data-context"), allowed = input.getAttribute("data-values"), value = x ? x[name] : params.get(name);
      // A value the survey does not know would make the whole response invalid: a bad link loses the field, not the answers.
      if (value && (x || !allowed || allowed.split(" ").indexOf(value) >= 0)) { input.value = value; input.disabled = false; }
    });
    if (w.location.search) {
      all(d, "a[data-keep-query]").forEach(function (a) { a.href = a.getAttribute("href").split("?")[0] + w.location.search; });
    }
  }

  // A link may choose answers (the invitation mail's 0-10: ?recommend=9), only among the page's own choices: a value it does not offer changes nothing.
  function prefill(form) {
    var params = new URLSearchParams(w.location.search);
    fields(form).forEach(function (f) {
      if (/radio|checkbox/.test(f.type) && params.getAll(f.name).indexOf(f.value) >= 0) { f.checked = true; }
    });
  }

  function shuffle(form) {
    all(form, "[data-randomize]").forEach(function (list) {
      var options = all(list, ".sk-opt:not(.sk-other-opt)");
      for (var i = options.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1)), t = options[i];
        options[i] = options[j];
        options[j] = t;
      }
      var anchor = list.firstChild;
      options.forEach(function (o) { list.insertBefore(o, anchor); });
    });
  }

  function counters(form) {
    all(form, ".sk-q[data-type=text]").forEach(function (q) {
      var field = q.querySelector("input,textarea"), hint = q.querySelector(".sk-hint"), max = Number(q.getAttribute("data-maxlength"));
      var update = function () {
        var left = max - field.value.length;
        hint.textContent = left >= 0 ? fmt(q.getAttribute("data-m-left"), left) : fmt(q.getAttribute("data-m-over"), -left);
      };
      field.addEventListener("input", update);
      update();
    });
  }

  function start(form) {
    form._started = Date.now();
    form._title = d.title;
    fillContext(form);
    shuffle(form);
    var restored = restoreProgress(form);
    prefill(form);
    counters(form);
    evaluate(form, true);
    var list = pages(form);
    if (list.length > 1) { go(form, list.filter(hasVisible)[0] || list[0], false); }
    if (restored) { status(form.getAttribute("data-m-restored")); }
    var onChange = function () { evaluate(form, true); if (list.length > 1) { go(form, current(form), false); } saveProgress(form); };
    form.addEventListener("change", onChange);
    form.addEventListener("input", function () { saveProgress(form); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (list.length > 1 && !form.querySelector("[data-next]").hidden) { step(form, 1); } else { submit(form); }
    });
    form.querySelector("[data-next]").addEventListener("click", function () { step(form, 1); });
    form.querySelector("[data-back]").addEventListener("click", function () { step(form, -1); });
  }

  function init() {
    var form = d.getElementById("sk-form");
    if (form) { start(form); }
    w.addEventListener("online", function () { retryDelay = 2000; flush(); });
    flush();
  }

  // Deferred scripts run before DOMContentLoaded, and the survey's rules come after this file: wait for them.
  if (d.readyState === "complete") { init(); } else { d.addEventListener("DOMContentLoaded", init); }
})();
