"""The art of the built-in renderer: how characters and places are drawn with skia.

Characters: :mod:`.kinds` (one row per kind: its body plan and features), :mod:`.costumes` (one
row per costume), :mod:`.figure` (what one cast member looks like: identity, palette, anatomy per
age, seeded choices), :mod:`.looks` (a fitting design for a kind, age, gender and costume), the parts
(:mod:`.backs`, :mod:`.legs`, :mod:`.bodies`, :mod:`.limbs`, :mod:`.heads`, :mod:`.head_features`,
:mod:`.muzzles`, :mod:`.hair`, :mod:`.faces`, :mod:`.garments`, :mod:`.overlays`, :mod:`.headwear`,
:mod:`.clothes`), :mod:`.poses` (actions as body frames and hand positions), :mod:`.rig` (layers,
poses, sprites and their cache), :mod:`.cast_sheet` and :mod:`.contact_sheet`.

Places: :mod:`.places` (every place as a recipe of layers), drawn on a :mod:`.stage` (light, sky
colours, the season's palette) with the layers of :mod:`.sky` (sun, moon, stars, clouds, rainbow,
aurora), :mod:`.terrain` (hills, mountains, sea and water, the grounds), :mod:`.countryside`
(rows of trees, shores, reeds, jungle vines), :mod:`.scenery` (trees, bushes, grass, windows),
:mod:`.buildings` and :mod:`.landmarks` (cottages to castles, lighthouse, windmill, barn,
ferris wheel), :mod:`.water` (under the sea) and :mod:`.space`; rooms from :mod:`.rooms` (walls,
floors, windows onto the weather) with :mod:`.furniture`, :mod:`.fittings` and
:mod:`.workrooms`; :mod:`.weather` over them and :mod:`.backdrop` (the whole picture, and a
place's thumbnail). Props: the :mod:`.props` package, every prop in every style. :mod:`.shapes`
and :mod:`.seeds` are shared by all.

The public entry points are re-exported by :mod:`render_farm.engine.characters`,
:mod:`render_farm.engine.backgrounds` and :mod:`render_farm.engine.thumbnails`; import from those.
"""
