"""The art of the built-in renderer: how characters and places are drawn with skia.

Characters: :mod:`.figure` (what one design looks like: palette, proportions, seeded choices),
:mod:`.bodies`, :mod:`.heads`, :mod:`.faces` and :mod:`.clothes` (the parts), :mod:`.rig` (layers,
poses, sprites and their cache) and :mod:`.cast_sheet`. Backgrounds: :mod:`.stage` (light, sky
colours, the floor), :mod:`.sky` (sun, moon, stars, clouds), :mod:`.props` (trees, grass,
windows), the places in :mod:`.countryside`, :mod:`.buildings` and :mod:`.space`,
:mod:`.weather`, and :mod:`.backdrop` (the whole picture). :mod:`.shapes` and :mod:`.seeds` are
shared by both.

The public entry points are re-exported by :mod:`render_farm.engine.characters` and
:mod:`render_farm.engine.backgrounds`; import from those.
"""
