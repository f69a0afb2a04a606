/// The style sheet and script of the reading view, written inline into every page so that a
/// report is one file and the server needs no static files.
public enum ReadingViewAssets {
    /// The style sheet: citation colours by standing, claims, findings, the side panel.
    public static let css = """
    :root { --linked: #1a7f37; --stub: #9a6700; --unresolved: #cf222e; --ambiguous: #8250df; --rejected: #6e7781; }
    * { box-sizing: border-box; }
    body { font: 16px/1.55 Georgia, "Noto Serif", "DejaVu Serif", serif; margin: 0; color: #1f2328; background: #fff; }
    nav.top { font: 14px system-ui, sans-serif; padding: .5em 1em; background: #f6f8fa; border-bottom: 1px solid #d0d7de; }
    nav.top a { margin-right: 1.2em; }
    main { max-width: 78em; margin: 0 auto; padding: 1em 1.5em 6em; }
    h1 { font: 600 1.4em system-ui, sans-serif; }
    article.source { margin-bottom: 4em; }
    article header h2 { margin-bottom: .2em; }
    .meta, .legend { font: 13px system-ui, sans-serif; color: #57606a; margin: .2em 0; }
    .legend span { margin-right: .3em; }
    .row { display: grid; grid-template-columns: minmax(0, 46em) minmax(12em, 1fr); gap: 1.5em; }
    .para { margin: 0 0 .9em; }
    aside { font: 13px/1.4 system-ui, sans-serif; }
    mark.cite { background: none; border-bottom: 2px solid; cursor: pointer; padding: 0 1px; color: inherit; }
    mark.cite.st-linked { border-color: var(--linked); background: #dafbe1; }
    mark.cite.st-stub { border-color: var(--stub); background: #fff8c5; }
    mark.cite.st-unresolved { border-color: var(--unresolved); background: #ffebe9; }
    mark.cite.st-ambiguous { border-color: var(--ambiguous); background: #fbefff; }
    mark.cite.st-rejected { border-color: var(--rejected); border-bottom-style: dashed; text-decoration: line-through; background: none; }
    mark.cite.malformed { outline: 1px dotted var(--unresolved); }
    mark.cite:focus, mark.cite.selected { outline: 2px solid #0969da; }
    :target { outline: 2px solid #0969da; }
    .legend .cite { border-bottom: 2px solid; }
    .legend .st-linked { border-color: var(--linked); } .legend .st-stub { border-color: var(--stub); }
    .legend .st-unresolved { border-color: var(--unresolved); } .legend .st-ambiguous { border-color: var(--ambiguous); }
    .legend .st-rejected { border-color: var(--rejected); }
    span.claim { background: #ddf4ff; box-shadow: inset 0 -3px 0 #54aeff; cursor: pointer; }
    span.claim.multi { background: #b6e3ff; }
    span.claim.review { box-shadow: inset 0 -3px 0 #bf8700; }
    span.find.f-error { text-decoration: underline wavy var(--unresolved); }
    span.find.f-warning { text-decoration: underline wavy #bf8700; }
    span.find.f-info { text-decoration: underline dotted #57606a; }
    .claim-note { border-left: 3px solid #54aeff; padding: .2em .5em; margin-bottom: .5em; cursor: pointer; }
    .claim-id { color: #57606a; font-size: 11px; }
    .tag { display: inline-block; background: #0969da; color: #fff; border-radius: 1em; padding: 0 .6em; font-size: 12px; }
    .status { color: #9a6700; font-weight: 600; }
    .finding { border-left: 3px solid #d0d7de; padding: .2em .5em; margin-bottom: .5em; }
    .sev { font-weight: 600; text-transform: uppercase; font-size: 11px; }
    .sev-error { color: var(--unresolved); } .sev-warning { color: #9a6700; } .sev-info { color: #57606a; }
    .hint { color: #57606a; font-style: italic; }
    .source-findings { font: 13px system-ui, sans-serif; }
    section.records { font: 14px/1.45 system-ui, sans-serif; }
    section.records li { margin-bottom: .4em; }
    .cited-at { color: #57606a; font-size: 12px; }
    #panel { position: fixed; right: 1em; top: 3em; width: 26em; max-height: 80vh; overflow: auto; background: #fff;
             border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 8px 24px rgba(140,149,159,.3);
             font: 14px/1.45 system-ui, sans-serif; padding: .8em 1em; z-index: 10; }
    #panel h4 { margin: .2em 0 .5em; }
    #panel .close { float: right; border: none; background: none; font-size: 18px; cursor: pointer; }
    #panel form { margin: .6em 0; padding-top: .5em; border-top: 1px solid #d0d7de; }
    #panel label { display: block; margin: .3em 0; }
    #panel input[type=text], #panel select, #panel textarea { width: 100%; font: inherit; }
    table.list { border-collapse: collapse; font: 14px system-ui, sans-serif; width: 100%; }
    table.list th, table.list td { border-bottom: 1px solid #d0d7de; padding: .35em .5em; text-align: left; vertical-align: top; }
    .error-box { background: #ffebe9; border: 1px solid var(--unresolved); padding: .6em 1em; font: 14px system-ui, sans-serif; }
    @media print { #panel { display: none; } }
    """

    /// The script: shows a citation's items and records, or a claim, in the side panel on a click
    /// (or Enter); in the served view also the forms that change them, and a claim form for a
    /// selected passage. It builds the panel with DOM calls and `textContent` only, never HTML
    /// strings, so nothing from the texts is ever parsed as markup.
    public static let script = """
    (function () {
      'use strict';
      var data = {};
      document.querySelectorAll('script.reading-data').forEach(function (s) {
        var d = JSON.parse(s.textContent); data[d.source] = d;
      });
      var actionsElement = document.getElementById('gloss-actions');
      var actions = actionsElement ? JSON.parse(actionsElement.textContent) : null;
      var panel = document.getElementById('panel');

      function el(tag, attrs, text) {
        var e = document.createElement(tag);
        if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
        if (text !== undefined && text !== null) e.textContent = text;
        return e;
      }
      function openPanel(title) {
        panel.textContent = '';
        var close = el('button', { 'class': 'close', type: 'button', 'aria-label': 'close' }, '×');
        close.addEventListener('click', function () { panel.hidden = true; });
        panel.appendChild(close);
        panel.appendChild(el('h4', null, title));
        panel.hidden = false;
        return panel;
      }
      function form(path, fields, submit) {
        var f = el('form', { method: 'post', action: actions.base + path });
        f.appendChild(el('input', { type: 'hidden', name: 'csrf', value: actions.csrf }));
        Object.keys(fields).forEach(function (k) { f.appendChild(el('input', { type: 'hidden', name: k, value: fields[k] })); });
        f.submitButton = el('button', { type: 'submit', 'class': 'submit' }, submit);
        return f;
      }
      function labelled(f, text, input) {
        var l = el('label', null, text + ' '); l.appendChild(input); f.appendChild(l); return input;
      }
      function sourceOf(node) { var a = node.closest('article.source'); return a ? a.getAttribute('data-source') : null; }

      function showCitation(mark) {
        var source = sourceOf(mark), id = mark.getAttribute('data-cite');
        var c = data[source].citations[id];
        document.querySelectorAll('mark.cite.selected').forEach(function (m) { m.classList.remove('selected'); });
        mark.classList.add('selected');
        var p = openPanel(c.standing + ' ' + c.kind + ' citation');
        p.appendChild(el('p', null, '“' + c.text + '” at ' + c.line + ' (' + id + ')' + (c.malformed ? ' — malformed' : '')));
        var items = el('ol', { 'class': 'items' });
        c.items.forEach(function (item, index) {
          var parts = [];
          ['prefix', 'author', 'year', 'locator', 'ref', 'titleFragment'].forEach(function (k) {
            if (item[k] !== undefined && item[k] !== null) parts.push(k + ': ' + item[k]);
          });
          var li = el('li', null, parts.join(' · ') || '(no parsed parts)');
          c.resolutions.filter(function (r) { return r.item === index; }).forEach(function (r) {
            var line = el('div', { 'class': 'resolution st-' + r.status }, r.status + (r.via ? ' via ' + r.via : '') + (r.records.length ? ': ' : ''));
            r.records.forEach(function (key, n) {
              var record = data[source].records[key];
              if (n > 0) line.appendChild(document.createTextNode('; '));
              var a = el('a', { href: (actions ? actions.recordBase : '') + '#' + (record ? record.anchor : ''), 'class': 'record-link' }, key);
              line.appendChild(a);
              if (record) line.appendChild(document.createTextNode(' — ' + record.line));
            });
            li.appendChild(line);
          });
          items.appendChild(li);
        });
        p.appendChild(items);
        if (!actions) return;
        if (c.standing === 'rejected') {
          var restore = form('/cite/restore', { citation: id }, 'Accept as a citation');
          restore.appendChild(restore.submitButton); p.appendChild(restore);
        } else {
          var reject = form('/cite/reject', { citation: id }, 'Reject: not a citation');
          reject.appendChild(reject.submitButton); p.appendChild(reject);
        }
        if (actions.library.length) {
          var link = form('/link', { citation: id }, 'Link');
          var select = labelled(link, 'Link to a library record', el('select', { name: 'record' }));
          actions.library.forEach(function (r) { select.appendChild(el('option', { value: r.key }, r.key + ' — ' + r.line)); });
          link.appendChild(link.submitButton); p.appendChild(link);
        } else {
          p.appendChild(el('p', { 'class': 'hint' }, 'To link it by hand, import records first: gloss bib import FILE.bib'));
        }
      }

      function showClaim(source, id) {
        var c = data[source].claims[id];
        var p = openPanel('Claim ' + id);
        p.appendChild(el('p', null, '“' + c.quote + '” (' + c.start + '..' + c.end + ', ' + c.status + ')'));
        if (c.previous) p.appendChild(el('p', { 'class': 'hint' }, 'before the revision: “' + c.previous + '”'));
        if (c.tags.length) p.appendChild(el('p', null, 'tags: ' + c.tags.join(', ')));
        if (c.note) p.appendChild(el('p', null, 'note: ' + c.note));
        if (c.citations.length) p.appendChild(el('p', null, 'citations: ' + c.citations.join(', ')));
        if (!actions) return;
        var edit = form('/claims/edit', { claim: id }, 'Save');
        labelled(edit, 'Tags (comma-separated)', el('input', { type: 'text', name: 'tags', value: c.tags.join(', ') }));
        labelled(edit, 'Note', el('input', { type: 'text', name: 'note', value: c.note || '' }));
        edit.appendChild(edit.submitButton); p.appendChild(edit);
        var remove = form('/claims/remove', { claim: id }, 'Remove the claim');
        remove.appendChild(remove.submitButton); p.appendChild(remove);
      }

      // Code-point offset of a DOM position inside a paragraph (whose text is the stored text).
      function offsetIn(para, node, offset) {
        var walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT), count = 0, t;
        if (node.nodeType !== Node.TEXT_NODE) {
          var marker = node.childNodes[offset] || null, range = document.createRange();
          range.setStart(para, 0);
          if (marker) range.setEndBefore(marker); else range.setEnd(node, node.childNodes.length);
          return Number(para.getAttribute('data-s')) + Array.from(range.toString()).length;
        }
        while ((t = walker.nextNode())) {
          if (t === node) return Number(para.getAttribute('data-s')) + count + Array.from(t.data.slice(0, offset)).length;
          count += Array.from(t.data).length;
        }
        return null;
      }
      function selectionSpan() {
        var sel = window.getSelection();
        if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
        var range = sel.getRangeAt(0);
        var startPara = (range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentNode : range.startContainer).closest('p.para');
        var endPara = (range.endContainer.nodeType === Node.TEXT_NODE ? range.endContainer.parentNode : range.endContainer).closest('p.para');
        if (!startPara || !endPara || sourceOf(startPara) !== sourceOf(endPara)) return null;
        var start = offsetIn(startPara, range.startContainer, range.startOffset);
        var end = offsetIn(endPara, range.endContainer, range.endOffset);
        if (start === null || end === null || end <= start) return null;
        return { source: sourceOf(startPara), start: start, end: end, text: sel.toString(), para: startPara };
      }
      function showClaimForm(span) {
        var p = openPanel('New claim');
        p.appendChild(el('p', null, '“' + span.text + '” (' + span.start + '..' + span.end + ')'));
        var f = form('/claims/add', { source: span.source, start: String(span.start), end: String(span.end) }, 'Create the claim');
        f.setAttribute('id', 'claim-form');
        labelled(f, 'Tags (comma-separated)', el('input', { type: 'text', name: 'tags' }));
        labelled(f, 'Note', el('input', { type: 'text', name: 'note' }));
        var cite = labelled(f, 'Supporting citation', el('select', { name: 'cite' }));
        var near = Array.from(span.para.querySelectorAll('mark.cite')).filter(function (m) { return !m.classList.contains('st-rejected'); });
        cite.appendChild(el('option', { value: '' }, 'none'));
        if (near.length) cite.appendChild(el('option', { value: 'nearest', selected: 'selected' }, 'the citation that ends the sentence'));
        near.forEach(function (m) { cite.appendChild(el('option', { value: m.getAttribute('data-cite') }, m.textContent + ' (' + m.getAttribute('data-cite') + ')')); });
        f.appendChild(f.submitButton); p.appendChild(f);
      }

      function targetOf(e) { return e.target.nodeType === Node.ELEMENT_NODE ? e.target : e.target.parentElement; }
      document.addEventListener('click', function (e) {
        var target = targetOf(e);
        if (!target || target.closest('#panel')) return;
        // A click that ends a selection keeps the claim form the selection opened.
        if (actions && selectionSpan()) return;
        var mark = target.closest('mark.cite');
        if (mark) { e.preventDefault(); showCitation(mark); return; }
        var claim = target.closest('span.claim, .claim-note');
        if (claim) {
          var ids = claim.getAttribute('data-claims') || claim.getAttribute('data-claim');
          showClaim(sourceOf(claim), ids.split(' ')[0]);
        }
      });
      document.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && e.target.matches && e.target.matches('mark.cite')) showCitation(e.target);
        if (e.key === 'Escape') panel.hidden = true;
      });
      if (actions) {
        document.addEventListener('mouseup', function (e) {
          var target = targetOf(e);
          if (!target || target.closest('#panel')) return;
          var span = selectionSpan();
          if (span) showClaimForm(span);
        });
      }
    })();
    """
}
