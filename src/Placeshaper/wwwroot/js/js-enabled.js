// Loaded first thing in <body>: tells GOV.UK Frontend's CSS that JavaScript runs and modules are supported.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
