import { updateStore } from '../store/update';

export { updateStore };

/**
 * Registers the offline service worker (public build only: in `vite dev` there is no sw.js). An
 * update is offered, never forced: a waiting worker shows the update banner, and only its
 * Reload button tells it to take over (SKIP_WAITING), after which the page reloads once.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const offer = (w: ServiceWorker | null) => {
    // Without a controller this is the first install, not an update: nothing to offer.
    if (w && sw.controller) updateStore.getState().actions.offer(w);
  };
  sw.addEventListener('controllerchange', () => {
    if (!updateStore.getState().accepted) {
      isolateOnce();
      return;
    }
    updateStore.setState({ accepted: false });
    window.location.reload();
  });
  // Controlled already but not isolated: the host sends no COOP/COEP and this load came from the
  // network or an older worker; the worker's responses carry them.
  if (sw.controller) isolateOnce();
  sw.register('./sw.js', { scope: './' })
    .then((reg) => {
      offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w?.addEventListener('statechange', () => {
          if (w.state === 'installed') offer(w);
        });
      });
    })
    .catch((e: unknown) => {
      // The app works without it, only not offline; a warning, since it is no fault of the page.
      console.warn('Offline support is unavailable:', e);
    });
}

export const acceptUpdate = (): void => updateStore.getState().actions.accept();
export const dismissUpdate = (): void => updateStore.getState().actions.dismiss();

const RELOADED = 'vae-playground:coi-reload';

/**
 * Reloads once so that the service worker's COOP/COEP headers (sw-template.js) make the page
 * cross-origin isolated, which WASM threads need. Once per tab session: if the reload does not
 * isolate the page (a browser without support), it stays as it is, on one thread.
 */
function isolateOnce(): void {
  if (window.crossOriginIsolated || !window.isSecureContext) return;
  if (sessionStorage.getItem(RELOADED)) return;
  sessionStorage.setItem(RELOADED, '1');
  window.location.reload();
}
