// The report's print button: shown only when JavaScript can print (it is hidden without it).
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
