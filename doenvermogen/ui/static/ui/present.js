// Presentation mode for the talk chart on a shared screen or tablet: full screen, the
// professional's side panel folded away. Works without it too (the button only appears with JS).
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector("[data-dv-present]");
  if (!button || !document.documentElement.requestFullscreen) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const panel = document.querySelector(".dv-present__panel details");
    if (document.fullscreenElement) {
      await document.exitFullscreen();
      return;
    }
    if (panel) panel.open = false;
    await document.documentElement.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", () => {
    const on = Boolean(document.fullscreenElement);
    document.body.classList.toggle("dv-fullscreen", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  });
});
