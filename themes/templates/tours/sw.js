// The trip kept for offline use: pages saved with "Save for offline", and the tickets opened.
// Served by tours.offline at /sw.js (root scope). Only this site's own addresses are fetched.
const CACHE = "{{ version }}";
const ASSETS = {{ assets|safe }};
const KEEP_VISITED = {{ keep_visited|safe }};

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }));
    self.skipWaiting();
});

self.addEventListener("activate", function (event) {
    event.waitUntil(
        caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) { return caches.delete(name); }));
        }).then(function () { return self.clients.claim(); })
    );
});

// {type: "save", urls: [...]} from a tour's "Save for offline" button; answers {type: "saved"}.
self.addEventListener("message", function (event) {
    const data = event.data || {};
    if (data.type !== "save" || !Array.isArray(data.urls)) return;
    const urls = data.urls.filter(function (url) { return new URL(url, self.location).origin === self.location.origin; });
    event.waitUntil(
        caches.open(CACHE)
            .then(function (cache) { return cache.addAll(urls); })
            .then(function () { event.source.postMessage({ type: "saved", urls: urls }); })
            .catch(function () { event.source.postMessage({ type: "failed" }); })
    );
});

function keptWhenVisited(url) {
    return KEEP_VISITED.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; });
}

// The network first (pages stay current); what is saved is refreshed as it is seen, and answers
// when the network does not.
self.addEventListener("fetch", function (event) {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    event.respondWith(
        caches.open(CACHE).then(function (cache) {
            return cache.match(request).then(function (saved) {
                return fetch(request).then(function (response) {
                    if (response.ok && (saved || keptWhenVisited(url))) cache.put(request, response.clone());
                    return response;
                }).catch(function () {
                    if (saved) return saved;
                    throw new Error("offline and not saved");
                });
            });
        })
    );
});
