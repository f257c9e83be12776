// The activity was imported a moment ago and its analysis runs in the background: ask once a second whether it is
// there, and reload the page when it is (for at most two minutes).
import { api } from "/js/api.js";

export default async function (element) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise(resolve => setTimeout(resolve, 1000));
    try {
      await api(`api/v1/activities/${element.dataset.activity}/analysis`);
      location.reload();
      return;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
  }
  element.textContent = "The analysis is taking longer than usual; reload the page later.";
}
