// The "PNG" button beside each chart: draws the chart's SVG on a canvas in the reader's browser
// and saves it as a PNG (twice the SVG's size), so the build need not publish a PNG of every
// chart. No library, nothing leaves the browser; without JavaScript the button stays hidden and
// the SVG link beside it remains.
(function () {
  function save(button) {
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = button.getAttribute("data-name") + ".png";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      }, "image/png");
    };
    image.src = button.getAttribute("data-svg");
  }
  var buttons = document.querySelectorAll("button.chart-png");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) { save(event.currentTarget); });
  }
})();
