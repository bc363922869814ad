// Typeset TeX into CHTML at build time with the site's own MathJax 3 (book/site_maths.py runs
// it: node typeset_maths.js < request.json > reply.json).
// Request: {"mathjax": "<MathJax es5 folder>", "fontURL": "<URL of its woff fonts>",
//           "items": [["<TeX>", <display: true|false>], ...]}
// Reply:   {"html": ["<mjx-container ...>", ...], "css": "<the CHTML stylesheet they need>"}
// MathJax's own way to run in node: its loader, with node's require and the liteDOM adaptor;
// the same components the pages would load (book/conf.py), so the output is what they showed.
const fs = require("fs");
const request = JSON.parse(fs.readFileSync(0, "utf8"));
global.MathJax = {
  loader: {paths: {mathjax: request.mathjax}, require: require,
           load: ["adaptors/liteDOM", "input/tex", "output/chtml", "a11y/assistive-mml"]},
  chtml: {fontURL: request.fontURL},
  startup: {typeset: false},
};
require(request.mathjax + "/startup.js");
MathJax.startup.promise.then(async () => {
  const adaptor = MathJax.startup.adaptor;
  const html = [];
  for (const [tex, display] of request.items) {      // one at a time: extensions autoload
    html.push(adaptor.outerHTML(await MathJax.tex2chtmlPromise(tex, {display})));
  }
  const css = adaptor.textContent(MathJax.chtmlStylesheet());
  process.stdout.write(JSON.stringify({html, css}));
}).catch(err => { console.error(err); process.exit(1); });
