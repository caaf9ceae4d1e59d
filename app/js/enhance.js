// Pasar Purna's enhancements for pages that need no WebAssembly: every page works without
// them. Shoppers' pages load only this file (about a kilobyte), not the island bundle, which
// only the vendor's photo form needs. The markup is rendered by the server (the header's
// SearchBox and the product page's ShareButton components); this file only wires it.

// The header search: a clear button once something is typed, and no empty search sent.
for (const form of document.querySelectorAll('form.search-box')) {
  const input = form.querySelector('input[type="search"]');
  const clear = form.querySelector('.search-clear');
  if (!input || !clear) continue;
  const sync = () => { clear.hidden = input.value === ''; };
  input.addEventListener('input', sync);
  clear.addEventListener('click', () => { input.value = ''; sync(); input.focus(); });
  form.addEventListener('submit', (event) => {
    if (input.value.trim() === '') event.preventDefault();
  });
  sync();
}

// Sharing a product: the phone's share sheet where the Web Share API exists, otherwise the
// link copied; the field with the link stays for copying by hand.
for (const share of document.querySelectorAll('.share')) {
  const button = share.querySelector('button');
  const status = share.querySelector('[role="status"]');
  const link = share.querySelector('input[type="url"]');
  if (!button || !status || !link) continue;
  link.addEventListener('focus', () => link.select());
  button.addEventListener('click', async () => {
    if (navigator.share) {
      // A cancelled share sheet rejects: nothing to tell the user.
      navigator.share({ url: link.value, title: share.dataset.title }).catch(() => {});
      return;
    }
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = share.dataset.copied;
    } catch {
      link.focus();
    }
  });
  button.hidden = false;
}

// Tells tests (and CSS) the page's scripts are live. A page with islands is marked by its
// WebAssembly once that has run, so tests wait for the islands, not for this file.
if (!document.querySelector('leptos-island')) {
  document.documentElement.setAttribute('data-hydrated', 'true');
}
