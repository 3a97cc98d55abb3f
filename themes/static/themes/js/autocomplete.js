// Suggestions under the header's search box, as a WAI-ARIA combobox (progressive enhancement:
// without this file the box is a plain search form). Arrow keys move, Enter opens, Escape closes.
(function () {
    "use strict";

    var form = document.querySelector("form.search-box[data-suggest-url]");
    if (!form || !window.fetch) {
        return;
    }
    var input = form.querySelector("input[name=q]");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var active = -1;
    var items = [];
    var timer = null;
    var pending = null;
    var lastQuery = "";

    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.classList.add("search-box--suggest");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function highlight(index) {
        var options = list.querySelectorAll("[role=option]");
        if (!options.length) {
            return;
        }
        active = (index + options.length) % options.length;
        options.forEach(function (option, position) {
            option.setAttribute("aria-selected", position === active ? "true" : "false");
        });
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
    }

    function render(suggestions) {
        items = suggestions;
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (!suggestions.length) {
            status.textContent = form.dataset.noSuggestions || "";
            close();
            return;
        }
        suggestions.forEach(function (suggestion, index) {
            var option = document.createElement("li");
            var kind = document.createElement("span");
            option.id = listId + "-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.className = "search-suggest__option";
            option.appendChild(document.createTextNode(suggestion.title));
            kind.className = "search-suggest__kind";
            kind.textContent = suggestion.kind_label;
            option.appendChild(kind);
            option.addEventListener("mousedown", function (event) {
                event.preventDefault(); // keep focus in the box until the page changes
                window.location.assign(suggestion.url);
            });
            list.appendChild(option);
        });
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = form.dataset.suggestionsFound || "";
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (query === lastQuery) {
            return;
        }
        lastQuery = query;
        if (!query) {
            items = [];
            list.textContent = "";
            close();
            return;
        }
        if (pending) {
            pending.abort();
        }
        pending = new AbortController();
        var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
        fetch(url, { headers: { Accept: "application/json" }, signal: pending.signal })
            .then(function (response) {
                return response.ok ? response.json() : { suggestions: [] };
            })
            .then(function (data) {
                if (input.value.trim() === query) {
                    render(data.suggestions || []);
                }
            })
            .catch(function () {
                /* aborted or offline: the form still submits */
            });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 120);
    });

    input.addEventListener("keydown", function (event) {
        var open = !list.hidden;
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (!open && items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
            highlight(active + 1);
        } else if (event.key === "ArrowUp") {
            if (open) {
                event.preventDefault();
                highlight(active - 1);
            }
        } else if (event.key === "Enter") {
            if (open && active >= 0 && items[active]) {
                event.preventDefault();
                window.location.assign(items[active].url);
            }
        } else if (event.key === "Escape") {
            if (open) {
                event.preventDefault();
                close();
            }
        }
    });

    input.addEventListener("blur", function () {
        window.setTimeout(close, 150);
    });
})();
