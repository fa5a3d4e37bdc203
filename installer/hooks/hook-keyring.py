"""keyring finds its backends (Windows Credential Locker, macOS Keychain, Secret Service) through
entry points and imports them by name, so both the metadata and the backend modules are bundled."""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

datas = copy_metadata("keyring")
hiddenimports = collect_submodules("keyring.backends")
