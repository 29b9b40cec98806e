// The filter box: shows the items (h3 and what follows it) whose text contains the query.
(function () {
  var bar = document.getElementById('filter-bar');
  var input = document.getElementById('filter');
  var main = document.querySelector('main');
  if (!bar || !input || !main) return;
  var items = [];
  var current = null;
  Array.prototype.forEach.call(main.children, function (el) {
    if (el.tagName === 'H1' || el.tagName === 'H2') current = null;
    else if (el.tagName === 'H3') items.push((current = { nodes: [el] }));
    else if (current) current.nodes.push(el);
  });
  items.forEach(function (item) {
    item.text = item.nodes.map(function (n) { return n.textContent; }).join(' ').toLowerCase();
  });
  bar.hidden = false;
  input.addEventListener('input', function () {
    var query = input.value.trim().toLowerCase();
    items.forEach(function (item) {
      var hide = query !== '' && item.text.indexOf(query) < 0;
      item.nodes.forEach(function (n) { n.hidden = hide; });
    });
  });
})();
