// The router: #/page/... selects a page module; without a signed-in user, the sign-in page.
import { session } from './api.js';
import { signInPage } from './signin.js';
import { healthPage } from './health.js';
import { devicesPage, deviceFormPage, devicePage, childFormPage } from './devices.js';
import { monitorPage } from './monitor.js';
import { storagePage } from './storage.js';
import { studiesPage, studyPage } from './studies.js';

const routes = [
  [/^#\/health$/, healthPage],
  [/^#\/devices$/, devicesPage],
  [/^#\/devices-new$/, () => deviceFormPage(null)],
  [/^#\/devices\/([^/]+)\/edit$/, deviceFormPage],
  [/^#\/devices\/([^/]+)$/, devicePage],
  [/^#\/devices\/([^/]+)\/([^/]+)\/new$/, (d, k) => childFormPage(d, k, null)],
  [/^#\/devices\/([^/]+)\/([^/]+)\/edit\/(.+)$/, childFormPage],
  [/^#\/monitor$/, monitorPage],
  [/^#\/storage$/, storagePage],
  [/^#\/studies$/, studiesPage],
  [/^#\/studies\/([^/]+)$/, studyPage],
];

let routed = false;
let stopCurrent = null; // pages that refresh on their own return a function that stops them

async function route() {
  if (stopCurrent) { stopCurrent(); stopCurrent = null; }
  const hash = location.hash || '#/health';
  const user = session.user;
  document.getElementById('nav').hidden = !user;
  document.getElementById('signout').hidden = !user;
  document.getElementById('who').textContent = user ? user.name + ' (' + (session.isAdmin ? 'admin' : 'user') + ')' : '';
  if (!user || hash === '#/signin') {
    signInPage();
    return;
  }
  for (const a of document.querySelectorAll('#nav a')) {
    if (hash.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const [re, fn] of routes) {
    const m = hash.match(re);
    if (m) {
      const result = await fn(...m.slice(1).map(decodeURIComponent));
      if (typeof result === 'function') stopCurrent = result;
      // after a move to another page the focus goes to it (unless the page focused its first field);
      // on a fresh load the first Tab reaches the skip link
      const main = document.getElementById('main');
      if (routed && !main.contains(document.activeElement)) main.focus();
      routed = true;
      return;
    }
  }
  location.hash = '#/health';
}

// the skip link moves the focus to the page without touching the hash, which is the router's
document.querySelector('.skip').addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main').focus();
});
document.getElementById('signout').addEventListener('click', () => {
  session.clear();
  location.hash = '#/signin';
  route();
});
window.addEventListener('hashchange', route);
route();
