// A spreadsheet import's page while the file is checked or imported in the background:
// load it again every two seconds until it is done (without script, the Refresh link).
if (document.querySelector("[data-jindu-import-pending]")) {
  window.setTimeout(() => window.location.reload(), 2000);
}
