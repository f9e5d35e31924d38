// Registers the service worker (offline reading after the first visit) and offers a reload when
// a new build has been installed. The update is the user's choice: switching under an open
// article would lose their place.
(() => {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  // Only a change the user accepted reloads: the first install also takes control of the page,
  // with nothing new to show.
  let accepted = false;
  const offer = (worker) => {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'Có phiên bản mới của ứng dụng và dữ liệu · A new version is ready';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Tải lại · Reload';
    button.addEventListener('click', () => {
      accepted = true;
      worker.postMessage('skip-waiting');
    });
    banner.append(text, button);
    document.body.append(banner);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  navigator.serviceWorker.register('sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch((error) => console.warn('offline reading unavailable:', error.message));
})();
