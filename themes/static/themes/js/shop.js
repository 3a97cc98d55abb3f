// Oscar's storefront behaviours, started here instead of in an inline script (our
// Content-Security-Policy allows no inline script). Each initialiser binds only to the elements
// of its own page, so all of them can run everywhere.
(function () {
    "use strict";
    var script = document.currentScript;
    var basketURL = script && script.dataset.basketUrl;
    $(function () {
        oscar.init();
        oscar.search.init();
        oscar.notifications.init();
        oscar.customer.wishlists.init();
        if (document.getElementById("basket_formset")) {
            oscar.basket.init({ basketURL: basketURL || document.URL });
        }
        if (document.querySelector("form input[name=options]")) {
            oscar.checkout.gateway.init();
        }
        // A listing's categories and filters: folded on a phone, open beside the products when wide.
        if (window.matchMedia("(min-width: 60em)").matches) {
            $("details[data-open-when-wide]").attr("open", "");
        }
        // Oscar's "cancel" links and print buttons, without their inline handlers.
        $(document).on("click", "[data-behaviours~='go-back']", function (event) {
            event.preventDefault();
            window.history.back();
        });
        $(document).on("click", "[data-behaviours~='print']", function (event) {
            event.preventDefault();
            window.print();
        });
    });
})();
