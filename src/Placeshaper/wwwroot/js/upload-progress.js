// Upload progress for forms marked data-upload-progress (the spend import page). Without JavaScript the form posts
// as usual and the page answers with the report; with it, the file is sent by XMLHttpRequest so that the upload's
// progress can be shown, and the same page's answer then replaces the main content. A file over the form's
// data-max-bytes is refused before it is sent, with the message the server would give (it answers 413 too).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 }) + ' MB';
}

function showError(form, message) {
  const group = form.querySelector('.govuk-form-group');
  const input = form.querySelector('input[type=file]');
  let error = form.querySelector('#upload-error');
  if (!error) {
    error = document.createElement('p');
    error.id = 'upload-error';
    error.className = 'govuk-error-message';
    input.before(error);
  }
  error.textContent = '';
  const hidden = document.createElement('span');
  hidden.className = 'govuk-visually-hidden';
  hidden.textContent = 'Error: ';
  error.append(hidden, message);
  group.classList.add('govuk-form-group--error');
  input.setAttribute('aria-describedby', 'upload-error');
  input.focus();
}

function enhance(scope) {
  for (const form of scope.querySelectorAll('form[data-upload-progress]')) {
    const panel = document.getElementById(form.dataset.uploadProgress);
    const bar = panel.querySelector('progress');
    const status = panel.querySelector('[data-upload-status]');
    form.addEventListener('submit', (event) => {
      const input = form.querySelector('input[type=file]');
      const file = input.files[0];
      if (!file) {
        return; // the server says what is missing, as without JavaScript
      }
      event.preventDefault();
      const max = Number(form.dataset.maxBytes);
      if (max && file.size > max) {
        showError(form, `${file.name} is ${megabytes(file.size)}: files over ${megabytes(max)} cannot be uploaded here. Use the command line (placeshaper import spend) for larger files.`);
        return;
      }

      const request = new XMLHttpRequest();
      request.open('POST', form.action || window.location.href);
      panel.hidden = false;
      bar.value = 0;
      status.textContent = `Uploading ${file.name}: 0%`;
      form.querySelector('button[type=submit]').disabled = true;
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) {
          const percent = Math.floor((e.loaded / e.total) * 100);
          bar.value = percent;
          status.textContent = `Uploading ${file.name}: ${percent}% (${megabytes(e.loaded)} of ${megabytes(e.total)})`;
        }
      });
      request.upload.addEventListener('load', () => {
        bar.value = 100;
        status.textContent = `Uploaded ${file.name}. Checking and importing it…`;
      });
      request.addEventListener('load', () => {
        const page = new DOMParser().parseFromString(request.responseText, 'text/html');
        const main = page.getElementById('main-content');
        if (!main) {
          panel.hidden = true;
          form.querySelector('button[type=submit]').disabled = false;
          showError(form, request.status === 413
            ? `${file.name} is too large to upload here. Use the command line (placeshaper import spend) for larger files.`
            : `${file.name} could not be imported (the server answered ${request.status}). Try again.`);
          return;
        }
        document.getElementById('main-content').replaceWith(main);
        initAll({ scope: main });
        enhance(main);
        const focus = main.querySelector('.govuk-error-summary, .govuk-notification-banner');
        if (focus) {
          focus.setAttribute('tabindex', '-1');
          focus.focus();
        }
      });
      request.addEventListener('error', () => {
        panel.hidden = true;
        form.querySelector('button[type=submit]').disabled = false;
        showError(form, `${file.name} could not be sent: check the connection and try again.`);
      });
      request.send(new FormData(form));
    });
  }
}

enhance(document);
