"""Noto Sans, the typeface of subtitles and titles: the font files ship inside the package folder."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("fontpkg_noto_sans")
