// Checkout, progressively enhanced: the commune list follows the province and can be searched;
// the transfer details get copy buttons. Without JavaScript the forms and the text work as they are.
(function () {
    "use strict";

    function fold(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    }

    function communes(form) {
        var province = form.querySelector("select[name$='state']");
        var commune = form.querySelector("select[name$='line4']");
        if (!province || !commune || !form.dataset.communesUrl) return;
        var search = document.createElement("input");
        search.type = "search";
        search.className = "form-control commune-search";
        search.placeholder = form.dataset.searchLabel || "";
        search.setAttribute("aria-label", form.dataset.searchLabel || "");
        commune.parentNode.insertBefore(search, commune);
        search.addEventListener("input", function () {
            var wanted = fold(search.value.trim());
            var first = null;
            Array.prototype.forEach.call(commune.options, function (option) {
                var shown = !option.value || fold(option.text).indexOf(wanted) !== -1;
                option.hidden = !shown;
                if (shown && option.value && !first) first = option;
            });
            if (wanted && first) commune.value = first.value;
        });
        province.addEventListener("change", function () {
            var url = form.dataset.communesUrl + "?province=" + encodeURIComponent(province.value);
            fetch(url, { headers: { Accept: "application/json" } })
                .then(function (response) { return response.json(); })
                .then(function (data) {
                    commune.options.length = 0;
                    commune.add(new Option(data.empty, ""));
                    data.communes.forEach(function (name) { commune.add(new Option(name, name)); });
                    search.value = "";
                });
        });
    }

    function copyButtons(root) {
        if (!navigator.clipboard) return;
        root.querySelectorAll("[data-copy]").forEach(function (value) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button copy-button";
            button.textContent = root.dataset.copyLabel;
            button.setAttribute("aria-label", root.dataset.copyLabel + ": " + value.dataset.copyName);
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(value.dataset.copy).then(function () {
                    button.textContent = root.dataset.copiedLabel;
                    setTimeout(function () { button.textContent = root.dataset.copyLabel; }, 2000);
                });
            });
            value.appendChild(document.createTextNode(" "));
            value.appendChild(button);
        });
    }

    // A showroom pickup needs no address: its fields are hidden while a showroom is chosen.
    function pickup(form) {
        var choices = form.querySelectorAll("input[name$='receive']");
        if (!choices.length) return;
        var groups = ["state", "line4", "line1"].map(function (name) {
            var field = form.querySelector("[name$='" + name + "']");
            return field && field.closest(".form-group");
        }).filter(Boolean);
        function follow() {
            var chosen = form.querySelector("input[name$='receive']:checked");
            var away = chosen && chosen.value !== "delivery";
            groups.forEach(function (group) { group.hidden = away; });
        }
        choices.forEach(function (choice) { choice.addEventListener("change", follow); });
        follow();
    }

    document.querySelectorAll("form[data-communes-url]").forEach(communes);
    document.querySelectorAll("form[data-communes-url]").forEach(pickup);
    document.querySelectorAll("[data-copy-label]").forEach(copyButtons);
})();
