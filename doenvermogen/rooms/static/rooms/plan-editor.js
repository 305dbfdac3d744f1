/* Plan editor for consultation rooms: move and turn furniture on the SVG plan with a mouse, a
   finger or the keyboard. It only fills in the same form fields that can be typed (x, y, rotation)
   and sends that form; the server checks everything again. No inline code (CSP-friendly). */
(function () {
  "use strict";
  var svg = document.querySelector("svg.dv-room-plan[role=group]");
  if (!svg) { return; }
  var status = document.getElementById("plan-status");
  var minX = parseFloat(svg.dataset.minX), minY = parseFloat(svg.dataset.minY);
  var maxX = parseFloat(svg.dataset.maxX), maxY = parseFloat(svg.dataset.maxY);

  function form(item) {
    return document.querySelector("form[data-placement-form='" + item.dataset.placement + "']");
  }
  function field(item, name) {
    var f = form(item);
    return f ? f.querySelector("[name='" + f.dataset.prefix + "-" + name + "']") : null;
  }
  function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }
  function draw(item) {
    var x = parseFloat(item.dataset.x), y = parseFloat(item.dataset.y), r = parseFloat(item.dataset.rotation);
    item.setAttribute("transform", "translate(" + x + " " + y + ")");
    item.firstElementChild.setAttribute("transform", "rotate(" + r + ")");
  }
  function sync(item, announce) {
    var x = Math.round(parseFloat(item.dataset.x)), y = Math.round(parseFloat(item.dataset.y));
    var r = Math.round(parseFloat(item.dataset.rotation)) % 360;
    var fx = field(item, "x_cm"), fy = field(item, "y_cm"), fr = field(item, "rotation");
    if (fx) { fx.value = x; }
    if (fy) { fy.value = y; }
    if (fr) { fr.value = r; }
    var text = item.dataset.name + ": x " + x + " cm, y " + y + " cm, " + r + "°";
    item.setAttribute("aria-label", text + ". " + (svg.dataset.hint || ""));
    if (announce && status) { status.textContent = text; }
  }
  function save(item) {
    var f = form(item);
    if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); }
  }
  function toPlan(evt) {
    var pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }

  var items = svg.querySelectorAll(".dv-room-plan__item[data-placement]");
  Array.prototype.forEach.call(items, function (item) {
    item.dataset.startX = item.dataset.x;
    item.dataset.startY = item.dataset.y;
    item.dataset.startRotation = item.dataset.rotation;

    item.addEventListener("keydown", function (evt) {
      var step = evt.shiftKey ? 1 : 5;
      var x = parseFloat(item.dataset.x), y = parseFloat(item.dataset.y);
      var handled = true;
      switch (evt.key) {
        case "ArrowLeft": x -= step; break;
        case "ArrowRight": x += step; break;
        case "ArrowUp": y -= step; break;
        case "ArrowDown": y += step; break;
        case "r": case "R":
          item.dataset.rotation = String((parseFloat(item.dataset.rotation) + (evt.shiftKey ? 270 : 90)) % 360);
          break;
        case "Enter": case " ": save(item); return evt.preventDefault();
        case "Escape":
          item.dataset.x = item.dataset.startX; item.dataset.y = item.dataset.startY;
          item.dataset.rotation = item.dataset.startRotation;
          x = parseFloat(item.dataset.x); y = parseFloat(item.dataset.y);
          break;
        default: handled = false;
      }
      if (!handled) { return; }
      evt.preventDefault();
      item.dataset.x = String(clamp(x, minX, maxX));
      item.dataset.y = String(clamp(y, minY, maxY));
      draw(item);
      sync(item, true);
    });

    var drag = null;
    item.addEventListener("pointerdown", function (evt) {
      var p = toPlan(evt);
      var x0 = parseFloat(item.dataset.x), y0 = parseFloat(item.dataset.y);
      drag = { x0: x0, y0: y0, px: p.x, py: p.y, moved: false };
      item.setPointerCapture(evt.pointerId);
      item.classList.add("dv-room-plan__item--dragging");
      item.focus();
    });
    item.addEventListener("pointermove", function (evt) {
      if (!drag) { return; }
      var p = toPlan(evt);
      // Moves in steps of 5 cm from where the item was, so it keeps its line with a wall.
      item.dataset.x = String(clamp(drag.x0 + Math.round((p.x - drag.px) / 5) * 5, minX, maxX));
      item.dataset.y = String(clamp(drag.y0 + Math.round((p.y - drag.py) / 5) * 5, minY, maxY));
      drag.moved = true;
      draw(item);
      sync(item, false);
    });
    function end(evt) {
      if (!drag) { return; }
      var moved = drag.moved;
      drag = null;
      item.classList.remove("dv-room-plan__item--dragging");
      if (item.hasPointerCapture(evt.pointerId)) { item.releasePointerCapture(evt.pointerId); }
      if (moved) { sync(item, true); save(item); }
    }
    item.addEventListener("pointerup", end);
    item.addEventListener("pointercancel", end);
  });
})();
