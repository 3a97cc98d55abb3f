// A trip's page: registers the offline keeper (/sw.js), "Save for offline" and "Print".
// Without this script the itinerary still reads and prints from the browser's own menu.
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    document.querySelectorAll("[data-offline-urls]").forEach(function (box) {
        const button = box.querySelector("button");
        const status = box.querySelector("[role=status]");
        box.hidden = false;
        button.addEventListener("click", function () {
            button.disabled = true;
            status.textContent = box.dataset.saving;
            navigator.serviceWorker.ready.then(function (registration) {
                registration.active.postMessage({ type: "save", urls: JSON.parse(box.dataset.offlineUrls) });
            });
        });
        navigator.serviceWorker.addEventListener("message", function (event) {
            if (!event.data) return;
            if (event.data.type === "saved") {
                status.textContent = box.dataset.saved;
                box.classList.add("is-saved");
            } else if (event.data.type === "failed") {
                status.textContent = box.dataset.failed;
            }
            button.disabled = false;
        });
    });
})();
