// The copy button of a doctest block (lines starting ">>> ") copies the code
// only: the ">>> " and "... " prompts and the printed outputs are left out, so
// that the copied text runs as it is. It sets data-clipboard-text, which the
// theme's clipboard handler prefers to the block's text, just before it runs.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".md-clipboard");
  if (!button) return;
  var target = button.getAttribute("data-clipboard-target");
  var code = target && document.querySelector(target);
  if (!code || !/^>>> /.test(code.textContent)) return;
  var lines = code.textContent.split("\n").filter(function (line) {
    return /^(>>>|\.\.\.)( |$)/.test(line);
  });
  button.setAttribute("data-clipboard-text", lines.map(function (line) { return line.slice(4); }).join("\n"));
}, true);
