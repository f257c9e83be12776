// Applies the remembered colour theme before the page paints (a classic script in <head>, so no flash).
(function () {
  try {
    var theme = localStorage.getItem("forma-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch (e) { /* storage may be disabled; the system's theme applies */ }
})();
