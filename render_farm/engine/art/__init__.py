"""The art of the built-in renderer: how characters and places are drawn with skia.

Characters: :mod:`.kinds` (one row per kind: its body plan and features), :mod:`.costumes` (one
row per costume), :mod:`.figure` (what one cast member looks like: identity, palette, anatomy per
age, seeded choices), :mod:`.looks` (a fitting design for a kind, age, gender and costume), the parts
(:mod:`.backs`, :mod:`.legs`, :mod:`.bodies`, :mod:`.limbs`, :mod:`.heads`, :mod:`.head_features`,
:mod:`.muzzles`, :mod:`.hair`, :mod:`.faces`, :mod:`.garments`, :mod:`.overlays`, :mod:`.headwear`,
:mod:`.clothes`), :mod:`.poses` (actions as body frames and hand positions), :mod:`.rig` (layers,
poses, sprites and their cache), :mod:`.cast_sheet` and :mod:`.contact_sheet`. Backgrounds: :mod:`.stage` (light, sky
colours, the floor), :mod:`.sky` (sun, moon, stars, clouds), :mod:`.props` (trees, grass,
windows), the places in :mod:`.countryside`, :mod:`.buildings` and :mod:`.space`,
:mod:`.weather`, and :mod:`.backdrop` (the whole picture). :mod:`.shapes` and :mod:`.seeds` are
shared by both.

The public entry points are re-exported by :mod:`render_farm.engine.characters` and
:mod:`render_farm.engine.backgrounds`; import from those.
"""
