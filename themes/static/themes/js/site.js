// Progressive enhancement only: every page works without this file.
document.documentElement.classList.replace("no-js", "js");

// The main menu: folded into its Menu button on a phone, always open where it fits.
(function () {
    var menu = document.querySelector(".main-nav__menu");
    if (!menu) return;
    var wide = window.matchMedia("(min-width: 60em)");
    function fit() { menu.open = wide.matches; }
    fit();
    wide.addEventListener("change", fit);
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open && !wide.matches) {
            menu.open = false;
            menu.querySelector("summary").focus();
        }
    });
})();
