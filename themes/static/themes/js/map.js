// Draws the map page's places with Leaflet; the list below the map works without this script.
(function () {
    const element = document.getElementById("map");
    if (!element || !window.L) return;
    const points = JSON.parse(document.getElementById("map-points").textContent);
    const tiles = JSON.parse(document.getElementById("map-tiles").textContent);
    const colours = { villages: "#9a3412", geopark: "#1b4332", showrooms: "#1d3557", events: "#5f0f40", route: "#9a3412" };
    element.hidden = false;
    const map = L.map(element, { scrollWheelZoom: false }).setView([21.85, 106.6], 9);
    if (tiles.url) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
    const groups = {};
    points.forEach(function (point) {
        const group = groups[point.layer] || (groups[point.layer] = L.layerGroup().addTo(map));
        const marker = L.circleMarker([point.lat, point.lng], {
            radius: 8, color: "#fff", weight: 2, fillColor: colours[point.layer] || "#333", fillOpacity: 0.95,
        });
        const link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.title;
        marker.bindPopup(link).addTo(group);
    });
    function show(layer) {
        Object.keys(groups).forEach(function (key) {
            if (!layer || key === layer) groups[key].addTo(map); else map.removeLayer(groups[key]);
        });
    }
    show(element.dataset.layer);
    const bounds = points.map(function (point) { return [point.lat, point.lng]; });
    // A tour's stops, in order, joined by a line.
    if (element.dataset.route === "true" && bounds.length > 1) {
        L.polyline(bounds, { color: "#9a3412", weight: 4, opacity: 0.8 }).addTo(map);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12 });
})();
