"""The render farm as the desktop sees it: the HTTP client (no Qt), the sign-in tokens, the farm's
records, the Qt session that calls the client off the UI thread, and the farm's menu, panel and dialogs.

Nothing is imported here, so ``aistudio_desktop.farm.client`` can be used without loading Qt."""
