// Sphinx's search-result snippets are plain text with the maths' \( \) delimiters left in:
// typeset them with the site's own MathJax once the results are in the page.
document.addEventListener("DOMContentLoaded", () => {
  const results = document.getElementById("search-results");
  if (!results) return;
  let timer = null;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!(window.MathJax && MathJax.typesetPromise)) return;
      observer.disconnect();
      await MathJax.typesetPromise([results]);
      observer.observe(results, {childList: true, subtree: true});
    }, 100);
  });
  observer.observe(results, {childList: true, subtree: true});
});
