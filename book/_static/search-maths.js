// Sphinx's search-result snippets are plain text with the maths' \( \) delimiters left in:
// typeset them with the site's own MathJax once the results are in the page. The pages' maths
// is typeset when the site is built (book/site_maths.py), so MathJax is loaded here, on the
// search page, and only when a snippet shows maths (its configuration is in the page).
const SITE_MATHJAX = new URL("mathjax/startup.js", document.currentScript.src).href;

function siteMathJax() {
  if (!(window.MathJax && MathJax.startup)) {
    if (!document.querySelector(`script[src="${SITE_MATHJAX}"]`)) {
      const script = document.createElement("script");
      script.src = SITE_MATHJAX;
      document.head.append(script);
    }
    return new Promise(resolve => setTimeout(() => resolve(siteMathJax()), 50));
  }
  return MathJax.startup.promise;
}

document.addEventListener("DOMContentLoaded", () => {
  const results = document.getElementById("search-results");
  if (!results) return;
  let timer = null;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!/\\\(|\\\[/.test(results.textContent)) return;
      observer.disconnect();
      await siteMathJax();
      await MathJax.typesetPromise([results]);
      observer.observe(results, {childList: true, subtree: true});
    }, 100);
  });
  observer.observe(results, {childList: true, subtree: true});
});
