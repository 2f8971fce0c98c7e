/* KneeBase site search: a sharded index written at build time, queried in the browser.
   The tokenizer and the Snowball English stemmer match the build's, so "squats" and
   "squatting" meet "squat"; lexicon aliases expand to their entity. No dependencies. */
(function () {
  "use strict";
  /* ---- Snowball English (Porter2) stemmer, as libstemmer 2.2 ---- */
  var EXC1 = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
  var EXC2 = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  var STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
    ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
    "ize", "ion", "al", "er", "ic"];
  function isV(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  /* A short syllable ending at index i (exclusive). */
  function shortv(w, i) {
    if (i >= 3 && !isV(w[i - 1]) && "wxY".indexOf(w[i - 1]) < 0 && isV(w[i - 2]) && !isV(w[i - 3])) return true;
    return i === 2 && !isV(w[1]) && isV(w[0]);
  }
  function stem(word) {
    if (EXC1.hasOwnProperty(word)) return EXC1[word];
    if (word.length < 3) return word;
    var w = word.charAt(0) === "'" ? word.slice(1) : word, i, n, yFound = false, s, r;
    var a = w.split("");
    for (i = 0; i < a.length; i++) {
      if (a[i] === "y" && (i === 0 || isV(a[i - 1]))) { a[i] = "Y"; yFound = true; }
    }
    w = a.join("");
    n = w.length;
    var p1 = n, p2 = n;
    function past(from) {
      var j = from;
      while (j < n && !isV(w[j])) j++;
      if (j >= n) return -1;
      while (j < n && isV(w[j])) j++;
      if (j >= n) return -1;
      return j + 1;
    }
    var pre = /^(gener|commun|arsen)/.exec(w);
    var q = pre ? pre[0].length : past(0);
    if (q >= 0) { p1 = q; q = past(p1); if (q >= 0) p2 = q; }
    /* Step 1a */
    if (ends(w, "'s'")) w = w.slice(0, -3); else if (ends(w, "'s")) w = w.slice(0, -2); else if (ends(w, "'")) w = w.slice(0, -1);
    if (ends(w, "sses")) w = w.slice(0, -2);
    else if (ends(w, "ied") || ends(w, "ies")) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
    else if (ends(w, "us") || ends(w, "ss")) { /* nothing */ }
    else if (ends(w, "s")) {
      for (i = 0; i < w.length - 2; i++) if (isV(w[i])) { w = w.slice(0, -1); break; }
    }
    if (EXC2.hasOwnProperty(w)) return w;
    /* Step 1b */
    var m = /(eedly|ingly|edly|eed|ing|ed)$/.exec(w);
    if (m) {
      s = m[1];
      var base = w.length - s.length;
      if (s === "eed" || s === "eedly") {
        if (base >= p1) w = w.slice(0, base) + "ee";
      } else {
        var hasV = false;
        for (i = 0; i < base; i++) if (isV(w[i])) { hasV = true; break; }
        if (hasV) {
          w = w.slice(0, base);
          if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w += "e";
          else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
          else if (w.length === p1 && shortv(w, w.length)) w += "e";
        }
      }
    }
    /* Step 1c */
    n = w.length;
    if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !isV(w[n - 2])) w = w.slice(0, -1) + "i";
    /* Step 2 */
    for (i = 0; i < STEP2.length; i++) {
      s = STEP2[i][0];
      if (!ends(w, s)) continue;
      r = w.length - s.length;
      if (r >= p1) {
        if (s === "ogi") { if (w[r - 1] === "l") w = w.slice(0, r) + "og"; }
        else if (s === "li") { if (r > 0 && "cdeghkmnrt".indexOf(w[r - 1]) >= 0) w = w.slice(0, r); }
        else w = w.slice(0, r) + STEP2[i][1];
      }
      break;
    }
    /* Step 3 */
    for (i = 0; i < STEP3.length; i++) {
      s = STEP3[i][0];
      if (!ends(w, s)) continue;
      r = w.length - s.length;
      if (r >= p1 && (s !== "ative" || r >= p2)) w = w.slice(0, r) + STEP3[i][1];
      break;
    }
    /* Step 4 */
    for (i = 0; i < STEP4.length; i++) {
      s = STEP4[i];
      if (!ends(w, s)) continue;
      r = w.length - s.length;
      if (r >= p2 && (s !== "ion" || (r > 0 && (w[r - 1] === "s" || w[r - 1] === "t")))) w = w.slice(0, r);
      break;
    }
    /* Step 5 */
    n = w.length;
    if (w[n - 1] === "e") {
      if (n - 1 >= p2 || (n - 1 >= p1 && !shortv(w, n - 1))) w = w.slice(0, -1);
    } else if (w[n - 1] === "l") {
      if (n - 1 >= p2 && w[n - 2] === "l") w = w.slice(0, -1);
    }
    return yFound ? w.replace(/Y/g, "y") : w;
  }

  /* ---- Tokenizer, as the build's: letters and digits, inner apostrophes, possessives dropped ---- */
  function isWord(c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xC0 && c < 0x800); }
  function isApos(c) { return c === 0x27 || c === 0x2019; }
  function tokens(text) {
    var out = [], i = 0, n = text.length, c;
    while (i < n) {
      c = text.charCodeAt(i);
      if (!isWord(c)) { i++; continue; }
      var start = i, end = i;
      while (end < n) {
        c = text.charCodeAt(end);
        if (isWord(c)) { end++; continue; }
        if (isApos(c)) {
          if (end + 1 < n && isWord(text.charCodeAt(end + 1))) { end++; continue; }
          end++;
        }
        break;
      }
      var w = text.slice(start, end).replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); }).replace(/\u2019/g, "'");
      if (w.length > 2 && w.slice(-2) === "'s") w = w.slice(0, -2);
      w = w.replace(/'+$/, "").replace(/'/g, "");
      out.push({ start: start, end: end, norm: w, stem: stem(w) });
      i = end;
    }
    return out;
  }

  /* ---- The index: meta.json, shards of terms (binary), one small JSON fragment per page ---- */
  var KINDS = ["condition", "symptom", "cause", "treatment", "anatomy", "source"];

  function Index(root) {
    this.root = root;
    this.meta = null;
    this.shards = {};
    this.fragments = {};
  }
  Index.prototype.url = function (path) { return new URL(path, this.root).href; };
  Index.prototype.loadMeta = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = fetch(this.url("search/meta.json")).then(function (r) {
        if (!r.ok) throw new Error("search index missing");
        return r.json();
      }).then(function (m) {
        self.meta = m;
        self.stop = {};
        (m.stop || []).forEach(function (w) { self.stop[w] = 1; });
        return m;
      });
    }
    return this.metaPromise;
  };
  Index.prototype.shardOf = function (term) {
    var b = this.meta.shards, lo = 0, hi = b.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (b[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  Index.prototype.shard = function (i) {
    if (!this.shards[i]) {
      this.shards[i] = fetch(this.url("search/i/" + i + ".bin")).then(function (r) {
        if (!r.ok) throw new Error("search shard missing");
        return r.arrayBuffer();
      }).then(parseShard);
    }
    return this.shards[i];
  };
  Index.prototype.fragment = function (doc) {
    if (!this.fragments[doc]) {
      this.fragments[doc] = fetch(this.url("search/f/" + doc + ".json")).then(function (r) { return r.json(); });
    }
    return this.fragments[doc];
  };
  Index.prototype.kindOf = function (doc) {
    var k = this.meta.kinds;
    for (var i = 0; i < k.length; i++) if (doc >= k[i][1] && doc < k[i][2]) return k[i][0];
    return "source";
  };

  function parseShard(buf) {
    var b = new Uint8Array(buf), p = 0, dec = new TextDecoder();
    function v() { var x = 0, s = 0, c; do { c = b[p++]; x += (c & 127) * Math.pow(2, s); s += 7; } while (c & 128); return x; }
    function str() { var n = v(), s = dec.decode(b.subarray(p, p + n)); p += n; return s; }
    v();
    var nt = v(), terms = [], post = {}, i, j;
    for (i = 0; i < nt; i++) {
      var t = str(), n = v(), docs = new Int32Array(n), imp = new Uint8Array(n), d = 0;
      for (j = 0; j < n; j++) { d += v(); docs[j] = d; imp[j] = b[p++]; }
      terms.push(t);
      post[t] = { docs: docs, imp: imp };
    }
    var na = v(), aliases = [];
    for (i = 0; i < na; i++) {
      var ns = v(), stems = [];
      for (j = 0; j < ns; j++) stems.push(str());
      aliases.push({ stems: stems, doc: v() });
    }
    return { terms: terms, post: post, aliases: aliases };
  }

  /* ---- Queries ---- */
  function parseQuery(q, complete) {
    var kinds = [], rest = [], excluded = [];
    String(q).split(/\s+/).forEach(function (part) {
      var m = /^kind:([a-z|,]+)$/i.exec(part);
      if (m) { m[1].toLowerCase().split(/[|,]/).forEach(function (k) { if (KINDS.indexOf(k) >= 0) kinds.push(k); }); return; }
      if (part.length > 1 && part.charAt(0) === "-") { tokens(part.slice(1)).forEach(function (t) { excluded.push(t.stem); }); return; }
      rest.push(part);
    });
    /* "pain OR swelling": an upper-case OR between words joins them as alternatives, as in the CLI. */
    var words = [];
    rest.join(" ").split(/\s+OR\s+/).forEach(function (segment, i) {
      var ws = tokens(segment);
      if (i > 0 && ws.length && words.length) ws[0].orBefore = true;
      words = words.concat(ws);
    });
    var text = rest.join(" ").replace(/\s+OR\s+/g, " ");
    /* The word being typed is a prefix from its second letter: "knee pa" is on its way to "knee pain". */
    var partial = !complete && words.length > 0 && /[0-9A-Za-z\u00C0-\u07FF]$/.test(text) && words[words.length - 1].norm.length >= 2;
    return { words: words, kinds: kinds, excluded: excluded, partial: partial, text: text };
  }

  /* Expands, loads and scores a query; resolves to { entities: [...], sources: [...], all: bool }. */
  Index.prototype.search = function (q, options) {
    var self = this, opts = options || {};
    return this.loadMeta().then(function () {
      var pq = parseQuery(q, opts.complete), words = pq.words;
      if (!words.length) return { query: pq, entities: [], sources: [], all: true, groups: [] };
      var need = {};
      words.forEach(function (w) { need[self.shardOf(w.stem)] = 1; });
      pq.excluded.forEach(function (s) { need[self.shardOf(s)] = 1; });
      var last = words[words.length - 1], prefixes = [];
      if (pq.partial) {
        prefixes = [last.stem, last.norm].filter(function (p, i, a) { return a.indexOf(p) === i; });
        prefixes.forEach(function (p) {
          var a = self.shardOf(p), z = self.shardOf(p + "\uffff");
          for (var i = a; i <= Math.min(z, a + 2); i++) need[i] = 1;
        });
      }
      return loadAll(self, Object.keys(need)).then(function (shards) {
        var lookup = function (t) { var s = shards[self.shardOf(t)]; return s && s.post[t]; };
        return correct(self, pq, shards, lookup).then(function () { return group(shards, lookup); });
      });

      function group(shards, lookup) {
        /* Aliases: longest match at each position, left to right, as the build's mention finder. */
        var groups = [], i = 0;
        while (i < words.length) {
          var best = null, span = 0, cand = shards[self.shardOf(words[i].stem)];
          (cand ? cand.aliases : []).forEach(function (a) {
            if (a.stems[0] !== words[i].stem) return;
            var n = aliasSpan(a.stems, words, i);
            if (n && (!best || a.stems.length > best.stems.length)) { best = a; span = n; }
          });
          if (best) {
            /* Stop words are not indexed: the phrase "IT band" is looked up as its other words. */
            var content = best.stems.filter(function (s) { return !self.stop[s]; });
            groups.push({ from: i, to: i + span, entity: best.doc, alts: [["@" + best.doc], content.length ? content : best.stems.slice()] });
            i += span;
          } else {
            var w = words[i], alts = [[w.stem]];
            if (pq.partial && i === words.length - 1) {
              prefixes.forEach(function (p) {
                var s = shards[self.shardOf(p)];
                if (!s) return;
                expand(shards, self, p).forEach(function (t) { if (t !== w.stem) alts.push([t]); });
              });
            }
            groups.push({ from: i, to: i + 1, stop: !!self.stop[w.norm] && !(pq.partial && i === words.length - 1), alts: alts, completions: alts.length > 1 });
            i++;
          }
        }
        /* Groups joined by OR become one group whose alternatives are both sides'. */
        groups = groups.reduce(function (out, g) {
          var prev = out[out.length - 1];
          if (prev && words[g.from].orBefore) {
            out[out.length - 1] = { from: prev.from, to: g.to, alts: prev.alts.concat(g.alts), stop: prev.stop && g.stop,
                                    entities: (prev.entities || [prev.entity]).concat([g.entity]).filter(function (e) { return e !== undefined; }) };
          } else out.push(g);
          return out;
        }, []);
        var more = {};
        groups.forEach(function (g) {
          (g.entities || (g.entity !== undefined ? [g.entity] : [])).forEach(function (e) { need[self.shardOf("@" + e)] = more[self.shardOf("@" + e)] = 1; });
        });
        return loadAll(self, Object.keys(more)).then(function (extra) {
          Object.keys(extra).forEach(function (k) { shards[k] = extra[k]; });
          return score(self, pq, groups, lookup, opts);
        });
      }
    });
  };

  /* Words a name may include or leave out, as the build's mention finder: "foam rolling IT
     band" is the alias "foam rolling the IT band". */
  var DETERMINERS = { the: 1, a: 1, an: 1, your: 1, my: 1, his: 1, her: 1, their: 1, our: 1, its: 1, it: 0 };
  /* How many query words from `i` the alias `stems` spans, determiners skipped on either side; 0 if it does not match. */
  function aliasSpan(stems, words, i) {
    var j = i, k = 0;
    while (k < stems.length) {
      if (j < words.length && stems[k] === words[j].stem) { j++; k++; }
      else if (DETERMINERS[stems[k]] && k > 0) k++;
      else if (j < words.length && j > i && DETERMINERS[words[j].stem]) j++;
      else return 0;
    }
    return j - i;
  }

  /* Misspelt words: a word the index lacks (not a stop word, not the word being typed) is read
     as the indexed term closest to its stem — one edit for stems of 5 to 7 letters, two for
     longer ones, the term in most documents on a tie — from the word's shard or the next one
     (a term sorts after its misspelling when the typo drops a letter: "runer" < "runner").
     Sets pq.corrections to [[typed word, term], ...]. */
  function correct(index, pq, shards, lookup) {
    var words = pq.words, todo = [];
    pq.corrections = [];
    words.forEach(function (w, i) {
      if (w.stem.length < 5 || index.stop[w.norm] || lookup(w.stem)) return;
      /* The word being typed is corrected only when no indexed word starts with it ("runers"). */
      if (pq.partial && i === words.length - 1 && (expand(shards, index, w.stem).length || expand(shards, index, w.norm).length)) return;
      todo.push(i);
    });
    if (!todo.length) return Promise.resolve();
    var need = {};
    todo.forEach(function (i) {
      var a = index.shardOf(words[i].stem);
      need[a] = 1;
      if (a + 1 < index.meta.shards.length) need[a + 1] = 1;
    });
    return loadAll(index, Object.keys(need).filter(function (k) { return !shards[k]; })).then(function (extra) {
      Object.keys(extra).forEach(function (k) { shards[k] = extra[k]; });
      todo.forEach(function (i) {
        var w = words[i], max = w.stem.length >= 8 ? 2 : 1, best = null, bestD = max + 1, bestN = 0;
        var a = index.shardOf(w.stem);
        [a, a + 1].forEach(function (k) {
          var s = shards[k];
          if (!s) return;
          s.terms.forEach(function (t) {
            if (t.charAt(0) === "@" || Math.abs(t.length - w.stem.length) > max) return;
            var d = editDistance(w.stem, t, max);
            if (d > max) return;
            var n = s.post[t].docs.length;
            if (d < bestD || (d === bestD && n > bestN)) { best = t; bestD = d; bestN = n; }
          });
        });
        if (best) {
          pq.corrections.push([w.norm, best]);
          words[i] = { stem: best, norm: best, start: w.start, end: w.end };
        }
      });
    });
  }

  /* Edits (insert, delete, replace, swap two neighbours) from a to b; more than max when over it. */
  function editDistance(a, b, max) {
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var c = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) c = Math.min(c, prev2[j - 2] + 1);
        cur.push(c);
        if (c < low) low = c;
      }
      if (low > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function expand(shards, index, prefix) {
    var out = [], a = index.shardOf(prefix), z = Math.min(index.shardOf(prefix + "\uffff"), a + 2);
    for (var i = a; i <= z && out.length < 60; i++) {
      var s = shards[i];
      if (!s) continue;
      var t = s.terms, lo = 0, hi = t.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (t[mid] < prefix) lo = mid + 1; else hi = mid; }
      for (var j = lo; j < t.length && t[j].lastIndexOf(prefix, 0) === 0 && out.length < 60; j++) if (t[j].charAt(0) !== "@") out.push(t[j]);
    }
    return out;
  }

  function loadAll(index, ids) {
    var out = {};
    return Promise.all(ids.map(function (i) { return index.shard(+i).then(function (s) { out[i] = s; }); })).then(function () { return out; });
  }

  /* A word being typed matches its completions at half weight, each weighed as the commonest
     of them (impacts carry a word's rarity): "pain" finds knee pain before painkillers. */
  var COMPLETION_WEIGHT = 0.5;

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function scoreGroup(g, lookup, n) {
    var best = new Map(), least = Infinity;
    if (g.completions) g.alts.forEach(function (terms) {
      var p = lookup(terms[0]);
      if (p) least = Math.min(least, idf(n, p.docs.length));
    });
    g.alts.forEach(function (terms, k) {
      var weight = 1, p0 = g.completions ? lookup(terms[0]) : null;
      if (p0) weight = (k > 0 ? COMPLETION_WEIGHT : 1) * least / idf(n, p0.docs.length);
      var acc = null;
      terms.forEach(function (t) {
        var p = lookup(t), m = new Map();
        if (p) for (var i = 0; i < p.docs.length; i++) {
          if (acc === null) m.set(p.docs[i], p.imp[i]);
          else if (acc.has(p.docs[i])) m.set(p.docs[i], acc.get(p.docs[i]) + p.imp[i]);
        }
        acc = m;
      });
      if (acc) acc.forEach(function (s, d) { s *= weight; if (!best.has(d) || best.get(d) < s) best.set(d, s); });
    });
    return best;
  }

  function score(index, pq, groups, lookup, opts) {
    var scored = groups.map(function (g) { return scoreGroup(g, lookup, index.meta.docs); });
    var required = groups.map(function (g, i) { return i; }).filter(function (i) { return !groups[i].stop; });
    if (!required.length) required = groups.map(function (g, i) { return i; });
    var total = new Map(), hits = new Map();
    groups.forEach(function (g, i) {
      scored[i].forEach(function (s, d) {
        total.set(d, (total.get(d) || 0) + s);
        if (required.indexOf(i) >= 0) hits.set(d, (hits.get(d) || 0) + 1);
      });
    });
    var excluded = new Set();
    pq.excluded.forEach(function (t) { var p = lookup(t); if (p) p.docs.forEach(function (d) { excluded.add(d); }); });
    var kinds = pq.kinds.concat(opts.kinds || []);
    var shown = function (d) { return !excluded.has(d) && (!kinds.length || kinds.indexOf(index.kindOf(d)) >= 0); };
    var all = true, list = [], full = 0;
    hits.forEach(function (h, d) { if (h === required.length && shown(d)) list.push(d); });
    full = list.length;
    if (!list.length && required.length > 1) {
      all = false;
      hits.forEach(function (h, d) { if (shown(d)) list.push(d); });
    } else if (full < 3 && required.length >= 2 && required.reduce(function (n, i) { return n + groups[i].to - groups[i].from; }, 0) >= 3) {
      /* A long query (three words or more) few pages match whole ("pain below the kneecap when
         squatting"): the pages missing one of its words or names follow those that have them all. */
      hits.forEach(function (h, d) { if (h === required.length - 1 && shown(d)) list.push(d); });
    }
    list.sort(function (a, b) {
      return (hits.get(b) - hits.get(a)) || (total.get(b) - total.get(a)) || (a - b);
    });
    var ne = index.meta.entities;
    return {
      query: pq, groups: groups, all: all, kinds: kinds, full: full, partial: all ? list.length - full : 0,
      entities: list.filter(function (d) { return d < ne; }),
      sources: list.filter(function (d) { return d >= ne; })
    };
  }

  /* ---- Snippets: the sentence that matches most query words, with the matches marked ---- */
  function matcher(result, index) {
    var stems = {}, phrases = [];
    // Stop words ("I", "my") choose no snippet unless the query has nothing else.
    var content = result.groups.filter(function (g) { return !g.stop; });
    (content.length ? content : result.groups).forEach(function (g) {
      g.alts.forEach(function (terms) {
        if (terms.length === 1 && terms[0].charAt(0) !== "@") stems[terms[0]] = g;
        else if (terms[0].charAt(0) !== "@") phrases.push({ stems: terms, group: g });
      });
    });
    var entityDocs = result.groups.filter(function (g) { return g.entity !== undefined; });
    return Promise.all(entityDocs.map(function (g) {
      return index.fragment(g.entity).then(function (f) {
        [f.t].concat(f.a || []).forEach(function (name) {
          var s = tokens(name).map(function (t) { return t.stem; });
          if (s.length) phrases.push({ stems: s, group: g });
        });
      }, function () {});
    })).then(function () {
      return function (text) {
        var toks = tokens(text), marks = [], seen = [], i, k;
        for (i = 0; i < toks.length; i++) {
          var g = stems[toks[i].stem];
          if (g) { marks.push([toks[i].start, toks[i].end]); if (seen.indexOf(g) < 0) seen.push(g); continue; }
          for (k = 0; k < phrases.length; k++) {
            /* Stop words inside the text's phrase are skipped, as the query's phrase lost them ("foam roll your IT band"). */
            var ph = phrases[k].stems, j = 0, t = i;
            while (j < ph.length && t < toks.length) {
              if (toks[t].stem === ph[j]) { j++; t++; }
              else if (t > i && index.stop[toks[t].norm]) t++;
              else break;
            }
            if (j === ph.length) {
              marks.push([toks[i].start, toks[t - 1].end]);
              if (seen.indexOf(phrases[k].group) < 0) seen.push(phrases[k].group);
              i = t - 1;
              break;
            }
          }
        }
        /* words: how many query words the matched groups span, so a phrase outweighs a single word. */
        var words = seen.reduce(function (n, g) { return n + (g.to - g.from); }, 0);
        return { marks: marks, groups: seen.length, words: words };
      };
    });
  }

  function bestSentence(sentences, match) {
    var best = -1, bestScore = -1, bestMatch = null;
    for (var i = 0; i < sentences.length; i++) {
      var m = match(sentences[i]), s = m.words * 100 + Math.min(m.marks.length, 20);
      if (s > bestScore) { best = i; bestScore = s; bestMatch = m; }
    }
    return { index: best, match: bestMatch };
  }

  /* Appends text to el with the [start, end) ranges marked, trimmed around the first mark when long. */
  function highlight(el, text, marks, max) {
    var from = 0, to = text.length;
    if (text.length > max) {
      var first = marks.length ? marks[0][0] : 0;
      from = Math.max(0, first - Math.floor(max / 3));
      to = Math.min(text.length, from + max);
      if (from > 0) { var sp = text.indexOf(" ", from); if (sp > 0 && sp < first) from = sp + 1; }
    }
    if (from > 0) el.appendChild(document.createTextNode("… "));
    var at = from;
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > to) return;
      el.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mk = document.createElement("mark");
      mk.textContent = text.slice(m[0], m[1]);
      el.appendChild(mk);
      at = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? " …" : "")));
  }

  var LABELS = { condition: "Condition", symptom: "Symptom", cause: "Cause", treatment: "Treatment", anatomy: "Anatomy", source: "Source" };

  /* The section of a condition's page a query's words ask for ("exercises for runner's knee"
     → treatment): the index's meta.json maps cue stems to section ids, from the table the
     terminal's search reads questions with. */
  function askedSection(r) {
    var asks = index.meta.asks || {};
    for (var i = 0; i < r.query.words.length; i++) {
      var id = asks[r.query.words[i].stem];
      if (id) return id;
    }
    return null;
  }

  /* The sections a question answers: the one it asks for, then the others its cue word
     covers ("what causes …" → causes, then risk factors). */
  function answeredSections(r, section) {
    var also = index.meta.also || {};
    for (var i = 0; i < r.query.words.length; i++) {
      var more = also[r.query.words[i].stem];
      if (more && (index.meta.asks || {})[r.query.words[i].stem] === section) return [section].concat(more);
    }
    return [section];
  }

  /* Builds one result element (class "result") for a document; a condition the query names
     links to the section its words ask for and lists the first entries of `sections`. */
  function renderResult(index, doc, match, compact, section, sections) {
    return index.fragment(doc).then(function (f) {
      var kind = f.k || index.kindOf(doc);
      var el = document.createElement(compact ? "a" : "article");
      el.className = "result kind-" + kind;
      var href = f.u, snippetText = "", marks = [];
      if (kind === "source") {
        var b = bestSentence(f.s || [], match);
        if (b.index >= 0) { snippetText = f.s[b.index]; marks = b.match.marks; href = f.u + "#s" + b.index; }
      } else {
        var cands = [f.d || ""].concat((f.a || []).map(function (a) { return "Also called " + a; }));
        var bm = bestSentence(cands, match);
        snippetText = bm.index > 0 && bm.match.groups > (f.d ? match(f.d).groups : 0) ? cands[bm.index] : (f.d || cands[bm.index] || "");
        marks = match(snippetText).marks;
        if (section && kind === "condition") href = f.u + "#" + section;
      }
      var title = f.t || "Untitled", url = index.url(href);
      if (compact) {
        el.href = url;
        var strong = document.createElement("strong");
        highlight(strong, title, match(title).marks, 200);
        var lab = document.createElement("span");
        lab.className = "kind-label";
        lab.textContent = " " + LABELS[kind];
        el.appendChild(strong);
        el.appendChild(lab);
        if (snippetText) { var sn = document.createElement("span"); sn.className = "snippet"; highlight(sn, snippetText, marks, 110); el.appendChild(document.createElement("br")); el.appendChild(sn); }
        return el;
      }
      var label = document.createElement("p");
      label.className = "kind-label";
      label.textContent = LABELS[kind] + (f.p ? " · " + f.p : "");
      var h = document.createElement("h2"), a = document.createElement("a");
      a.href = url;
      highlight(a, title, match(title).marks, 300);
      h.appendChild(a);
      el.appendChild(label);
      el.appendChild(h);
      if (snippetText) {
        var p = document.createElement("p");
        p.className = "snippet";
        highlight(p, snippetText, marks, 260);
        el.appendChild(p);
      }
      if (section && kind === "condition" && f.r) {
        var lists = sections.filter(function (id) { return f.r[id]; });
        if (!lists.length) el.appendChild(answerList(null, url, index));
        lists.forEach(function (id) { el.appendChild(answerList(f.r[id], index.url(f.u + "#" + id), index)); });
      }
      return el;
    });
  }

  /* What a condition's page lists in the section a question asks for ("what causes runner's
     knee"): its first entries, most sources first, each linked, then a link to them all. */
  function answerList(answer, sectionUrl, index) {
    var box = document.createElement("div");
    box.className = "answer";
    var head = document.createElement("p");
    if (!answer) {
      head.textContent = "Its sources give nothing of this kind yet.";
      box.appendChild(head);
      return box;
    }
    head.className = "answer-title";
    head.textContent = answer.t + " (" + answer.n + ")";
    box.appendChild(head);
    var ul = document.createElement("ul");
    answer.i.forEach(function (item) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = index.url(item[1]);
      a.textContent = item[0];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + item[2]));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (answer.n > answer.i.length) {
      var more = document.createElement("a");
      more.href = sectionUrl;
      more.textContent = "All " + answer.n + " with their evidence";
      var p = document.createElement("p");
      p.appendChild(more);
      box.appendChild(p);
    }
    return box;
  }

  /* ---- Page wiring ---- */
  if (typeof document === "undefined") {
    if (typeof module === "object") module.exports = { stem: stem, tokens: tokens, parseQuery: parseQuery, Index: Index };
    return;
  }
  var script = document.currentScript;
  var index = new Index(new URL("../", script ? script.src : location.href).href);

  function runInto(container, status, q, options, compact) {
    var token = {};
    container._token = token;
    return index.search(q, options).then(function (r) {
      if (container._token !== token) return null;
      if (!r.query.words.length) {
        container.textContent = "";
        /* "-knee" or a lone quote: nothing to look for; say so rather than show an empty page. */
        if (status) status.textContent = !String(q).trim() ? "" : r.query.excluded.length
          ? "“" + String(q).trim() + "” only leaves words out: add a word to search for."
          : "“" + String(q).trim() + "” has no word to search for.";
        return r;
      }
      return matcher(r, index).then(function (match) {
        // A question about a condition it names ("exercises for runner's knee") puts that
        // condition first, linked to the section the question asks for.
        var section = askedSection(r), named = {};
        r.groups.forEach(function (g) { if (g.entity !== undefined) named[g.entity] = 1; });
        if (section && (!r.kinds.length || r.kinds.indexOf("condition") >= 0)) {
          Object.keys(named).map(Number).filter(function (d) { return index.kindOf(d) === "condition"; }).forEach(function (d) {
            r.entities = [d].concat(r.entities.filter(function (x) { return x !== d; }));
          });
        }
        var ents = r.entities.slice(0, compact ? 3 : (r.sources.length ? 6 : 20));
        var srcs = r.sources.slice(0, compact ? 5 : (ents.length ? 10 : 20));
        var first = ents.concat(srcs);
        var rest = r.entities.slice(ents.length).concat(r.sources.slice(srcs.length));
        var sections = section ? answeredSections(r, section) : [];
        return Promise.all(first.map(function (d) { return renderResult(index, d, match, compact, named[d] ? section : null, sections); })).then(function (els) {
          if (container._token !== token) return null;
          container.textContent = "";
          els.forEach(function (el) { container.appendChild(el); });
          var n = r.entities.length + r.sources.length;
          if (status) {
            var read = (r.query.corrections || []).map(function (c) { return "“" + c[0] + "” as “" + c[1] + "…”"; });
            /* The query as typed: "knee -surgery" is not "knee". */
            var typed = String(q).trim().replace(/\s+/g, " ");
            status.textContent = (n === 0 ? "No results for “" + typed + "”." :
              n + (n === 1 ? " result" : " results") + " for “" + typed + "”" + (!r.all ? ": no page has every word, showing pages with some."
                : r.partial ? ": " + (r.full === 1 ? "1 has" : r.full + " have") + " every word, then pages missing one." : ".")) +
              (read.length ? " Misspelt words read as the nearest indexed word: " + read.join(", ") + "." : "");
          }
          if (!compact && rest.length) addMore(container, rest, match);
          return r;
        });
      });
    }, function (e) {
      if (status) status.textContent = "Search is unavailable: " + e.message + ".";
    });
  }

  function addMore(container, rest, match) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "load-more";
    b.textContent = "More results (" + rest.length + " left)";
    b.addEventListener("click", function () {
      var next = rest.slice(0, 10);
      Promise.all(next.map(function (d) { return renderResult(index, d, match, false); })).then(function (els) {
        b.remove();
        els.forEach(function (el) { container.appendChild(el); });
        if (els.length) { var link = els[0].querySelector("a"); if (link) link.focus(); }
        if (rest.length > next.length) addMore(container, rest.slice(next.length), match);
      });
    });
    container.appendChild(b);
  }

  function debounce(fn, ms) {
    var t;
    return function () { var args = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, args); }, ms); };
  }

  /* The search page: ?q=… and kind=…, instant as you type. */
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var results = document.getElementById("results");
  var status = document.getElementById("search-status");
  function checkedKinds() {
    return Array.prototype.slice.call(form.querySelectorAll("input[name=kind]:checked")).map(function (c) { return c.value; });
  }
  if (form && input && results) {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    params.getAll("kind").forEach(function (k) { var c = form.querySelector("input[name=kind][value=\"" + (KINDS.indexOf(k) >= 0 ? k : "") + "\"]"); if (c) c.checked = true; });
    var run = function (complete) {
      var q = input.value, kinds = checkedKinds(), u = new URLSearchParams();
      if (q) u.set("q", q);
      kinds.forEach(function (k) { u.append("kind", k); });
      history.replaceState(null, "", location.pathname + (u.toString() ? "?" + u.toString() : ""));
      runInto(results, status, q, { kinds: kinds, complete: complete }, false);
    };
    input.addEventListener("input", debounce(function () { run(false); }, 80));
    form.addEventListener("change", function () { run(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
    if (input.value) run(true);
  }

  /* The box in the header of every page: quick results under it. */
  var box = document.getElementById("q");
  var quick = document.getElementById("quick");
  if (box && quick) {
    var hide = function () { quick.hidden = true; box.setAttribute("aria-expanded", "false"); };
    var update = debounce(function () {
      if (!box.value.trim()) { hide(); return; }
      runInto(quick, null, box.value, { complete: false }, true).then(function (r) {
        if (!r || box.value.trim() === "") return;
        var all = document.createElement("a");
        all.className = "all";
        all.href = index.url("search/index.html?q=" + encodeURIComponent(box.value));
        all.textContent = (r.entities.length + r.sources.length) ? "All results for “" + box.value + "” →" : "No results for “" + box.value + "”";
        quick.appendChild(all);
        quick.hidden = false;
        box.setAttribute("aria-expanded", "true");
      });
    }, 80);
    box.addEventListener("input", update);
    box.addEventListener("keydown", function (e) {
      var items = quick.querySelectorAll("a");
      if (e.key === "Escape") { hide(); return; }
      if (e.key === "ArrowDown" && items.length) { e.preventDefault(); items[0].focus(); }
    });
    quick.addEventListener("keydown", function (e) {
      var items = Array.prototype.slice.call(quick.querySelectorAll("a")), i = items.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && i < items.length - 1) { e.preventDefault(); items[i + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? items[i - 1] : box).focus(); }
      if (e.key === "Escape") { hide(); box.focus(); }
    });
    document.addEventListener("click", function (e) { if (!box.form.contains(e.target)) hide(); });
  }

  /* "/" focuses the search box, unless typing somewhere already. */
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var target = input || box;
    if (target) { e.preventDefault(); target.focus(); target.select(); }
  });

  /* Print every collapsed piece of evidence. */
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) { d.setAttribute("open", ""); d.setAttribute("data-print-opened", ""); });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-print-opened]"), function (d) { d.removeAttribute("open"); d.removeAttribute("data-print-opened"); });
  });
})();
