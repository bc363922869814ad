/*
 * A link to a heading of another notebook, such as 00-index's
 * `03-padding-stride-dilation.ipynb#q3-must-i-trim`, opens that notebook scrolled to the heading.
 *
 * JupyterLab 4 opens the notebook and calls its setFragment('#q3-must-i-trim') as soon as the
 * file is loaded, before the markdown cells are rendered; it finds no such anchor then, and the
 * notebook stays at its top (jupyterlab/jupyterlab#15207). This plugin calls the same
 * setFragment again once the anchor is in the page and the page has stopped changing, unless
 * the reader has scrolled, clicked or typed in the notebook by then. It handles the plain
 * `#id` fragments the series uses; JupyterLab's own `#heading=...` and `#cell-id=...` are left
 * to JupyterLab.
 *
 * It is a JupyterLab front-end plugin with no build step: `make lab` passes
 * --LabApp.extra_labextensions_path=tools/labextensions, JupyterLab reads package.json here and
 * loads this file as the extension's module-federation container (init, get), sharing no
 * module. It lies outside a static/ folder, which JupyterLab would let browsers cache for ever.
 * Tested by tests/browser/test_anchor_links.py.
 */
(function () {
  'use strict';
  const NAME = 'conv-as-matmul-anchor-links';
  const COMMAND = 'rendermime:handle-local-link';    // what a click on a link to a file runs
  const QUIET_MS = 300;          // the page has settled: nothing in it changed for this long
  const STILL_FRAMES = 15;       // ... and the anchor has stopped moving: this many frames
  const GIVE_UP_MS = 30000;
  const READER_ACTS = ['wheel', 'pointerdown', 'keydown'];

  // Once the notebook's page holds the anchor and has stopped changing, scroll there; then
  // scroll again while cells coming into view change height (off-screen cells are drawn late),
  // until the anchor stays put for STILL_FRAMES frames.
  function scrollWhenRendered(notebook, fragment) {
    const id = CSS.escape(fragment.slice(1));
    const selector = `[data-jupyter-id="${id}"], [id="${id}"]`;
    let quiet = null;
    let frame = null;
    let stopped = false;
    const stop = () => {
      stopped = true;
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(giveUp);
      cancelAnimationFrame(frame);
      READER_ACTS.forEach((e) => notebook.node.removeEventListener(e, stop, true));
    };
    const align = (anchor, last, still) => {
      frame = requestAnimationFrame(() => {
        const top = anchor.getBoundingClientRect().top;
        if (top !== last) {
          anchor.scrollIntoView();
        }
        if (still >= STILL_FRAMES) {
          stop();
        } else {
          align(anchor, top, top === last ? still + 1 : 0);
        }
      });
    };
    const changed = () => {
      clearTimeout(quiet);
      quiet = setTimeout(async () => {
        const anchor = notebook.node.querySelector(selector);
        if (anchor) {
          observer.disconnect();
          await notebook.setFragment(fragment);
          if (!stopped) {
            align(anchor, null, 0);
          }
        }
      }, QUIET_MS);
    };
    const observer = new MutationObserver(changed);
    observer.observe(notebook.node, {childList: true, subtree: true, characterData: true});
    const giveUp = setTimeout(stop, GIVE_UP_MS);
    READER_ACTS.forEach((e) => notebook.node.addEventListener(e, stop, true));
    changed();
  }

  const plugin = {
    id: `${NAME}:plugin`,
    description: 'Scrolls a notebook opened by a link to the heading the link names.',
    autoStart: true,
    activate: (app) => {
      app.commands.commandExecuted.connect((_, {id, args, result}) => {
        const fragment = args.id;                           // '#q3-must-i-trim'
        if (id !== COMMAND || typeof fragment !== 'string'
            || !fragment.startsWith('#') || fragment.includes('=')) {
          return;
        }
        Promise.resolve(result).then(() => {
          const panel = Array.from(app.shell.widgets('main')).find(
            (w) => w.context && w.context.path === args.path && w.content
                   && Array.isArray(w.content.widgets) && w.content.setFragment);
          if (panel) {
            void panel.context.ready.then(() => scrollWhenRendered(panel.content, fragment));
          }
        }, () => {});
      });
    },
  };

  const extension = {__esModule: true, default: plugin};
  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: () => Promise.resolve(),
    get: (module) => (module === './extension'
      ? Promise.resolve(() => extension)
      : Promise.reject(new Error(`${NAME} has no module ${module}`))),
  };
})();
