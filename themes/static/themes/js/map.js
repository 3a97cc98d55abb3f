// Draws the map page's places (or a tour's stops) with Leaflet; the list below works without it.
// Markers are 44 px targets; each layer has its colour and shape, as in the legend's checkboxes.
(function () {
    const element = document.getElementById("map");
    if (!element || !window.L) return;
    const points = JSON.parse(document.getElementById("map-points").textContent);
    const tiles = JSON.parse(document.getElementById("map-tiles").textContent);
    element.hidden = false;
    const map = L.map(element, { scrollWheelZoom: false }).setView([21.85, 106.6], 9);
    if (tiles.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
    const groups = {};
    points.forEach(function (point, index) {
        const group = groups[point.layer] || (groups[point.layer] = L.layerGroup().addTo(map));
        const label = point.layer === "route" ? String(index + 1) : "";
        const icon = L.divIcon({
            className: "map-marker",
            html: '<span class="map-key map-key--' + point.layer + '">' + label + "</span>",
            iconSize: [44, 44],
            iconAnchor: [22, 22],
            popupAnchor: [0, -18],
        });
        const marker = L.marker([point.lat, point.lng], { icon: icon, title: point.title, alt: point.title });
        const popup = document.createElement("div");
        popup.className = "map-popup";
        if (point.image) {
            const image = document.createElement("img");
            image.src = point.image;
            image.alt = "";
            image.width = 240;
            image.height = 150;
            popup.appendChild(image);
        }
        const link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.title;
        popup.appendChild(link);
        if (point.text) {
            const line = document.createElement("p");
            line.textContent = point.text;
            popup.appendChild(line);
        }
        marker.bindPopup(popup, { maxWidth: 260 }).addTo(group);
    });
    const bounds = points.map(function (point) { return [point.lat, point.lng]; });
    // The layer checkboxes act at once; their form's button is for browsers without this script.
    const filter = document.querySelector("[data-layer-filter]");
    if (filter) {
        filter.querySelectorAll("[data-no-js-only]").forEach(function (button) { button.hidden = true; });
        const show = function () {
            filter.querySelectorAll("input[name=layer]").forEach(function (box) {
                const group = groups[box.value];
                if (group) { if (box.checked) group.addTo(map); else map.removeLayer(group); }
                const list = document.querySelector('[data-layer-list="' + box.value + '"]');
                if (list) list.hidden = !box.checked;
            });
        };
        filter.addEventListener("change", show);
        show();
    }
    // A tour's stops, in order, joined by a line.
    if (element.dataset.route === "true" && bounds.length > 1) {
        L.polyline(bounds, { color: "#9a3412", weight: 4, opacity: 0.8 }).addTo(map);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
})();
