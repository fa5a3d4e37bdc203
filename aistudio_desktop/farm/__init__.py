"""The render farm as the desktop sees it: the HTTP client (no Qt), the sign-in tokens, the farm's
records, the Qt session that calls the client off the UI thread (renders, credits and buying them),
and the farm's menu, panel, dialogs and the final render's cost in the status bar.

Nothing is imported here, so ``aistudio_desktop.farm.client`` can be used without loading Qt."""
