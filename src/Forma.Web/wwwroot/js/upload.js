// Drag-and-drop upload with a live progress bar: the bytes' progress from the browser, then each file's result
// as the background import parses it (polled from GET /api/v1/imports/{id}).
import { api } from "/js/api.js";

export default function (element) {
  const dropzone = element.querySelector("[data-dropzone]");
  const input = element.querySelector("[data-files]");
  const phase = element.querySelector("[data-phase]");
  const bar = element.querySelector("[data-progress]");
  const results = element.querySelector("[data-results]");
  const athleteId = () => element.querySelector("[data-athlete]").value;

  input.addEventListener("change", () => input.files.length && upload([...input.files]));
  for (const type of ["dragenter", "dragover"]) {
    dropzone.addEventListener(type, event => { event.preventDefault(); dropzone.classList.add("over"); });
  }
  for (const type of ["dragleave", "drop"]) {
    dropzone.addEventListener(type, () => dropzone.classList.remove("over"));
  }
  dropzone.addEventListener("drop", event => {
    event.preventDefault();
    if (event.dataTransfer.files.length) upload([...event.dataTransfer.files]);
  });

  function show(text, value) {
    phase.textContent = text;
    bar.hidden = false;
    bar.value = value;
  }

  function upload(files) {
    const form = new FormData();
    for (const file of files) form.append("files", file, file.name);
    results.replaceChildren();
    show(`Uploading ${files.length} file${files.length === 1 ? "" : "s"}…`, 0);
    const request = new XMLHttpRequest();
    request.open("POST", `api/v1/athletes/${athleteId()}/imports`);
    request.setRequestHeader("X-Forma-Page", "1");
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", event => {
      if (event.lengthComputable) show(`Uploading… ${Math.round(100 * event.loaded / event.total)}%`, 100 * event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch { /* not JSON */ }
      if (request.status >= 200 && request.status < 300) {
        follow(body.id);
      } else {
        show("", 0);
        bar.hidden = true;
        phase.innerHTML = "";
        const alert = document.createElement("div");
        alert.className = "alert error";
        alert.setAttribute("role", "alert");
        alert.textContent = body?.title ? `${body.title} ${body.detail ?? ""}` : `The upload failed (${request.status}).`;
        phase.append(alert);
      }
    });
    request.addEventListener("error", () => { phase.textContent = "The upload was interrupted; check the connection and try again."; });
    request.send(form);
  }

  async function follow(importId) {
    for (;;) {
      const view = await api(`api/v1/imports/${importId}`);
      const processed = view.filesDone + view.filesFailed + view.filesDuplicate;
      show(view.status === "Done" || view.status === "Failed"
        ? `Imported: ${view.filesDone} new, ${view.filesDuplicate} already there, ${view.filesFailed} failed.`
        : `Importing… ${processed} of ${view.filesTotal} files`, view.filesTotal ? 100 * processed / view.filesTotal : 100);
      render(view.files);
      if (view.status === "Done" || view.status === "Failed") return;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  function render(files) {
    results.replaceChildren(...files.map(file => {
      const item = document.createElement("li");
      const name = document.createElement(file.activityId ? "a" : "span");
      name.textContent = file.fileName;
      if (file.activityId) name.href = `app/activities/${file.activityId}`;
      const status = document.createElement("span");
      status.textContent = file.status === "Failed" ? `Failed: ${file.error ?? "unreadable"}` : file.status === "Duplicate" ? "Already imported" : file.status === "Done" ? "Imported" : "Waiting…";
      status.className = file.status === "Failed" ? "field-error" : "muted";
      item.append(name, status);
      return item;
    }));
  }
}
