// A display equation wider than the column scrolls in its own box (site.css): while it does,
// it can be reached and scrolled with the keyboard, as the theme does for wide code blocks.
function siteFocusableWideMaths() {
  document.querySelectorAll('mjx-container[display="true"]').forEach(box => {
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute("tabindex");
  });
}
document.addEventListener("DOMContentLoaded", siteFocusableWideMaths);
window.addEventListener("resize", siteFocusableWideMaths);
