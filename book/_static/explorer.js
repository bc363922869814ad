// Explorers without a kernel (book/explorer_frames.py): the slider or the list of the text's
// settings shows another of the frames the explorer drew when the site was built.
document.querySelectorAll("figure.explorer").forEach((figure) => {
  const frames = JSON.parse(figure.dataset.frames);
  const img = figure.querySelector("img");
  const range = figure.querySelector("input[type=range]");
  const output = figure.querySelector("output");
  const pick = figure.querySelector("select");
  const show = (k) => {
    img.src = frames[k].src;
    img.alt = frames[k].alt;
    output.value = frames[k].label;
    figure.dataset.shown = k;
  };
  let fetched = false;
  const fetchAll = () => {               // once the reader comes near: dragging is then smooth
    if (!fetched) frames.forEach((f) => { new Image().src = f.src; });
    fetched = true;
  };
  range.addEventListener("input", () => {
    if (pick) pick.value = "";
    range.setAttribute("aria-valuetext", frames[range.value].label);
    show(+range.value);
  });
  if (pick) pick.addEventListener("change", () => show(+(pick.value || range.value)));
  figure.addEventListener("pointerenter", fetchAll);
  figure.addEventListener("focusin", fetchAll);
});
