// Injected into every JupyterLab page the browser tests open (page.add_init_script).
// Reads JupyterLab's own state through window.jupyterapp (the server is started with
// --LabApp.expose_app_in_browser) and the rendered DOM. One JupyterLab page serves every
// notebook in turn: openNotebook and closeNotebooks are the only calls that change the app.
window.__nbtest = {
  panel() {
    return window.jupyterapp && window.jupyterapp.shell.currentWidget;
  },

  // 'starting' | 'idle' | 'busy' | ... ; 'none' while there is no kernel yet.
  kernelStatus() {
    const p = this.panel();
    const k = p && p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel;
    return k ? k.status : 'none';
  },

  // Text of an open dialog (e.g. "Select Kernel"), or null.
  dialogText() {
    const d = document.querySelector('.jp-Dialog');
    return d ? d.innerText.slice(0, 500) : null;
  },

  // Cells whose prompt still shows [*] (queued or running).
  pendingCells() {
    return Array.from(document.querySelectorAll('.jp-InputPrompt'))
      .filter((e) => e.textContent.includes('*')).length;
  },

  // The kernel has answered everything: idle, no cell queued, every request the page sent it
  // (cells, widget changes) followed by the kernel's idle status for that request, and no
  // message either way for 50 ms (after a full second of silence a request without its idle
  // status counts as answered). Needs listen().
  settled() {
    const quiet = performance.now() - this.lastMessage;
    return this.kernelStatus() === 'idle' && this.pendingCells() === 0 && quiet >= 50
      && (this.unanswered.size === 0 || quiet >= 1000);
  },

  // JupyterLab's debugger asks each new kernel for its state; shutting the kernel down before
  // the reply logs a console error. Wait (at most 10 s) until no such request is pending.
  async debuggerAnswered(kernel) {
    const asking = () => kernel && kernel._futures && Array.from(kernel._futures.values())
      .some((f) => f.msg && f.msg.header.msg_type === 'debug_request');
    for (let i = 0; i < 100 && asking(); i++) await new Promise((r) => setTimeout(r, 100));
  },

  // Collect every stderr stream and error the kernel sends, from cells and from widget
  // callbacks alike (a callback's exception shows in no cell: only here, or the log console),
  // and follow the requests sent to the kernel until their idle status comes (settled()).
  listen() {
    this.kernelErrors = [];
    this.unanswered = new Set();
    this.lastMessage = performance.now();
    const session = this.panel().sessionContext;
    session.session.kernel.anyMessage.connect((_, {msg, direction}) => {
      this.lastMessage = performance.now();
      if (direction === 'send' && msg.channel === 'shell') this.unanswered.add(msg.header.msg_id);
    });
    session.iopubMessage.connect((_, msg) => {
      this.lastMessage = performance.now();
      const type = msg.header.msg_type;
      const parent = msg.parent_header && msg.parent_header.msg_type;
      if (type === 'status' && msg.content.execution_state === 'idle' && parent) {
        this.unanswered.delete(msg.parent_header.msg_id);
      } else if (type === 'error') {
        this.kernelErrors.push({parent, text: (msg.content.traceback || []).join('\n')});
      } else if (type === 'stream' && msg.content.name === 'stderr') {
        this.kernelErrors.push({parent, text: String(msg.content.text)});
      }
    });
    return true;
  },

  kernelErrorsSince(n) {
    return this.kernelErrors.slice(n);
  },

  async runAll() {
    const p = this.panel();
    await p.sessionContext.ready;
    return await window.jupyterapp.commands.execute('notebook:run-all-cells');
  },

  async shutdownKernel() {
    const p = this.panel();
    if (p && p.sessionContext && p.sessionContext.session) await p.sessionContext.shutdown();
  },

  // Run ``code`` in the open notebook's kernel (before Run All: a self-test's patch).
  async execute(code) {
    const kernel = this.panel().sessionContext.session.kernel;
    const reply = await kernel.requestExecute({code, store_history: false}).done;
    return reply.content.status;
  },

  // Where the element with ``id`` (a link's #fragment) is in the open notebook: whether it
  // lies in the visible part of the notebook, how far below the view's top edge (px), and how
  // far the notebook is scrolled.
  anchorPlace(id) {
    const p = this.panel();
    const el = p && p.node.querySelector(
      `[data-jupyter-id="${CSS.escape(id)}"], [id="${CSS.escape(id)}"]`);
    if (!el) return null;
    const scroller = p.content.node.querySelector('.jp-WindowedPanel-outer') || p.content.node;
    const box = el.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return {visible: box.top >= view.top && box.bottom <= view.bottom,
            offset: box.top - view.top, scrollTop: scroller.scrollTop, path: p.context.path};
  },

  async openNotebook(path) {
    await window.jupyterapp.restored;
    await window.jupyterapp.commands.execute('docmanager:open', {path});
    return true;
  },

  // Shut every open notebook's kernel down and dispose of its panel without saving (the run
  // made it dirty), then say what is still open: notebook panels, sessions, kernels.
  async closeNotebooks() {
    const open = Array.from(window.jupyterapp.shell.widgets('main'))
      .filter((w) => w.context && w.sessionContext);
    for (const p of open) {
      if (p.sessionContext.session) {
        await this.debuggerAnswered(p.sessionContext.session.kernel);
        await p.sessionContext.shutdown();
      }
      p.context.model.dirty = false;
      p.dispose();
    }
    const {sessions, kernels} = window.jupyterapp.serviceManager;
    await Promise.all([sessions.refreshRunning(), kernels.refreshRunning()]);
    return {panels: document.querySelectorAll('.jp-NotebookPanel').length,
            sessions: Array.from(sessions.running()).map((s) => s.path),
            kernels: Array.from(kernels.running()).length};
  },

  // What the notebook model holds after the run: error outputs, stderr streams,
  // widget-view outputs, code cells left unexecuted.
  modelReport() {
    const p = this.panel();
    const cells = p.content.model.cells;
    const out = {
      path: p.context.path, windowingMode: p.content.notebookConfig.windowingMode,
      errors: [], stderr: [], widgetViews: 0, unexecuted: [], nCells: cells.length, nOutputs: 0,
    };
    for (let i = 0; i < cells.length; i++) {
      const c = cells.get(i);
      if (c.type !== 'code') continue;
      if (c.executionCount === null && c.sharedModel.getSource().trim()) out.unexecuted.push(i);
      out.nOutputs += c.outputs.length;
      for (const o of c.outputs.toJSON()) {
        if (o.output_type === 'error') {
          out.errors.push({cell: i, ename: o.ename, evalue: o.evalue,
                           traceback: (o.traceback || []).join('\n')});
        } else if (o.output_type === 'stream' && o.name === 'stderr') {
          out.stderr.push({cell: i, text: String(o.text)});
        } else if (o.data && o.data['application/vnd.jupyter.widget-view+json']) {
          out.widgetViews += 1;
        }
      }
    }
    return out;
  },

  // Outputs rendered in the open notebook's cells (not counting those inside Output widgets).
  outputsShown() {
    return this.panel().node.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child').length;
  },

  // stderr / traceback text rendered anywhere in the page, including inside Output widgets.
  renderedErrors() {
    const sel = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]';
    const texts = Array.from(document.querySelectorAll(sel)).map((e) => e.innerText.slice(0, 3000));
    for (const e of document.querySelectorAll('.jp-OutputArea-output')) {
      if (e.innerText && e.innerText.includes('Error displaying widget')) {
        texts.push(e.innerText.slice(0, 500));
      }
    }
    return texts;
  },

  // Top-level widget views: an output whose first element is a jupyter-widgets view,
  // not itself inside an Output widget.
  widgetRoots() {
    return Array.from(document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets'))
      .filter((e) => !e.parentElement.closest('.widget-output'));
  },

  cellIndexOf(el) {
    const cells = this.panel().content.widgets;
    for (let i = 0; i < cells.length; i++) if (cells[i].node.contains(el)) return i;
    return -1;
  },

  // The cell's output area: where a widget's controls and what they drive live.
  scopeOf(cellIndex) {
    const cell = this.panel().content.widgets[cellIndex];
    return cell.node.querySelector('.jp-Cell-outputArea') || cell.node;
  },

  // What a widget shows, without its controls: the images and SVGs in its outputs and the
  // text of its Output and HTML widgets. Slider readouts are deliberately left out.
  signature(scope) {
    const parts = [];
    const visual = ['.widget-output img', '.widget-output svg', '.jp-RenderedImage img',
                    '.jp-RenderedSVG svg'].join(', ');
    for (const e of scope.querySelectorAll(visual)) {
      parts.push(e.tagName === 'IMG' ? e.src : e.outerHTML);
    }
    for (const e of scope.querySelectorAll('.widget-output, .widget-html, .widget-htmlmath')) {
      if (e.parentElement.closest('.widget-output')) continue;
      parts.push(e.innerText);
    }
    return parts.join('\u241e').trim();
  },

  // Every control the tests know how to operate, tagged data-nbtest-id so Python can find it.
  controls() {
    const found = [];
    const add = (el, kind, label) => {
      if (el.disabled || el.closest('[disabled]')) return;      // a reader cannot move it either
      const id = `c${found.length}`;
      el.setAttribute('data-nbtest-id', id);
      const cell = this.cellIndexOf(el);
      const root = el.closest('.jp-OutputArea-output > .jupyter-widgets');
      const widget = this.widgetRoots().indexOf(root);
      found.push({id, kind, label: (label || '').trim() || kind, cell, widget,
                  orientation: el.getAttribute('aria-orientation') || 'horizontal'});
    };
    const labelOf = (el, box) => {
      const b = el.closest(box);
      const l = b && b.querySelector(':scope > .widget-label');
      return l ? l.textContent : '';
    };
    this.widgetRoots().forEach((root, i) => root.setAttribute('data-nbtest-root', String(i)));
    for (const root of this.widgetRoots()) {
      root.querySelectorAll('.widget-slider').forEach((s) => {
        const handles = s.querySelectorAll('.noUi-handle');
        const l = labelOf(s, '.widget-slider');
        handles.forEach((h) =>
          add(h, 'slider', handles.length > 1 ? `${l}[${h.dataset.handle}]` : l));
      });
      root.querySelectorAll('.widget-dropdown select')
        .forEach((s) => add(s, 'select', labelOf(s, '.widget-dropdown')));
      root.querySelectorAll('.widget-select select')
        .forEach((s) => add(s, 'select', labelOf(s, '.widget-select')));
      root.querySelectorAll('.widget-radio-box').forEach((r) =>
        add(r, 'radio', labelOf(r, '.widget-radio')));
      root.querySelectorAll('.widget-toggle-buttons').forEach((t) =>
        add(t, 'toggle-buttons', labelOf(t, '.widget-toggle-buttons')));
      root.querySelectorAll('.widget-checkbox input[type=checkbox]')
        .forEach((c) => add(c, 'checkbox', labelOf(c, '.widget-checkbox')));
      root.querySelectorAll('button.widget-toggle-button')
        .forEach((b) => add(b, 'toggle', b.textContent));
      root.querySelectorAll('.widget-text input[type=number]')
        .forEach((n) => add(n, 'number', labelOf(n, '.widget-text')));
      root.querySelectorAll('button.widget-button')
        .forEach((b) => add(b, 'button', b.textContent));
    }
    return found;
  },

  sliderState(id) {
    const h = document.querySelector(`[data-nbtest-id="${id}"]`);
    return {now: parseFloat(h.getAttribute('aria-valuenow')),
            min: parseFloat(h.getAttribute('aria-valuemin')),
            max: parseFloat(h.getAttribute('aria-valuemax'))};
  },

  // Arm a probe on a cell's outputs: t0 = the first user input event (key, pointer, input),
  // t1 = the first moment the widget's signature differs from now and is not empty. Returns
  // the number of kernel errors so far (stepDone's ``since``).
  armProbe(cellIndex) {
    const scope = this.scopeOf(cellIndex);
    const before = this.signature(scope);
    const probe = {t0: null, t1: null, before: before.length};
    const events = ['keydown', 'pointerdown', 'mousedown', 'input', 'change'];
    const start = () => { if (probe.t0 === null) probe.t0 = performance.now(); };
    events.forEach((ev) => document.addEventListener(ev, start, true));
    const check = () => {
      if (probe.t1 !== null) return;
      const s = this.signature(scope);
      if (s && s !== before) {
        probe.t1 = performance.now();
        observer.disconnect();
        events.forEach((ev) => document.removeEventListener(ev, start, true));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(scope, {subtree: true, childList: true, attributes: true,
                             characterData: true});
    probe.disarm = () => {
      observer.disconnect();
      events.forEach((ev) => document.removeEventListener(ev, start, true));
    };
    window.__nbprobe = probe;
    return this.kernelErrors.length;
  },

  // One step's outcome once the kernel has settled after the output changed (or after it
  // reported an error): {t0, t1, errors sent since the probe was armed}; null until then.
  stepDone(since) {
    const p = window.__nbprobe;
    if ((p.t1 === null && this.kernelErrors.length === since) || !this.settled()) return null;
    return {t0: p.t0, t1: p.t1, errors: this.kernelErrors.slice(since)};
  },

  disarmProbe() {
    if (window.__nbprobe) window.__nbprobe.disarm();
  },
};
