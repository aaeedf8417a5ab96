// Loaded as a module from the layout; no inline script anywhere, so the CSP can forbid it.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported', 'js-enabled');
initAll();
