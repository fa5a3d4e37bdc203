"""What the edits do to a scene's staging: its props, its stage actions and whom its lines address.

No Qt here. A stage action goes with one dialogue line (by index), a prop may be held by a cast
member, a line may be spoken to one: when lines move, come and go, or a character leaves a scene,
these functions keep each action on its own line (re-indexed) or drop it with its line, and take
the character out of whatever named them. They return scenes that still need validating (the
edits rebuild them through the spec).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from render_farm.film import FilmSpecError, Scene, SceneProp, StageAction

MAX_PROPS = 8  # the film spec's limits on one scene
MAX_ACTIONS = 40


def moved_actions(actions: Sequence[StageAction], new_index: Callable[[int], int | None]) -> list[StageAction]:
    """``actions`` with each line index mapped by ``new_index`` (None: its line is gone, and so is it)."""
    kept: list[StageAction] = []
    for action in actions:
        if action.line is None:
            kept.append(action)
            continue
        line = new_index(action.line)
        if line is not None:
            kept.append(action if line == action.line else action.model_copy(update={"line": line}))
    return kept


def line_inserted(actions: Sequence[StageAction], at: int) -> list[StageAction]:
    return moved_actions(actions, lambda i: i + 1 if i >= at else i)


def line_removed(actions: Sequence[StageAction], row: int) -> list[StageAction]:
    return moved_actions(actions, lambda i: None if i == row else i - 1 if i > row else i)


def line_moved(actions: Sequence[StageAction], row: int, to: int, count: int) -> list[StageAction]:
    order = list(range(count))
    order.insert(to, order.pop(row))
    where: Mapping[int, int] = {old: new for new, old in enumerate(order)}
    return moved_actions(actions, lambda i: where.get(i))


def without_member(scene: Scene, member_id: str) -> dict[str, object]:
    """The staging fields of ``scene`` once ``member_id`` is gone from it: their actions dropped,
    actions aimed at them aimed at no one, what they held set down, lines to them said to everyone."""
    actions = [
        a if a.target != member_id else a.model_copy(update={"target": None})
        for a in scene.actions
        if a.who != member_id
    ]
    props = [p if p.holder != member_id else p.model_copy(update={"holder": None}) for p in scene.props]
    lines = [line if line.to != member_id else line.model_copy(update={"to": None}) for line in scene.dialogue]
    return {"actions": actions, "props": props, "dialogue": lines}


def names_member(scene: Scene, member_id: str) -> bool:
    """Whether anything of the scene's staging names ``member_id``."""
    return (
        any(member_id in (a.who, a.target) for a in scene.actions)
        or any(p.holder == member_id for p in scene.props)
        or any(line.to == member_id for line in scene.dialogue)
    )


def split_staging(scene: Scene, cut: int) -> tuple[dict[str, object], dict[str, object]]:
    """Props and actions of the two halves of ``scene`` split before line ``cut``: the props are in
    both; an action goes with its line (actions at the scene's start stay with the first half)."""
    head = [a for a in scene.actions if a.line is None or a.line < cut]
    tail = moved_actions([a for a in scene.actions if a.line is not None and a.line >= cut], lambda i: i - cut)
    props = list(scene.props)
    return {"props": props, "actions": head}, {"props": list(props), "actions": tail}


def merged_staging(first: Scene, second: Scene) -> dict[str, object]:
    """Props and actions of ``first`` and ``second`` joined: the second's actions follow its lines
    (what it did at its start goes with its first line), a prop both have is kept once."""
    offset = len(first.dialogue)
    start = offset if second.dialogue else None
    actions = list(first.actions)
    for action in second.actions:
        line = start if action.line is None else action.line + offset
        actions.append(action if line == action.line else action.model_copy(update={"line": line}))
    props: list[SceneProp] = list(first.props)
    have = {p.prop for p in props}
    props += [p for p in second.props if p.prop not in have]
    if len(props) > MAX_PROPS:
        raise FilmSpecError(f"props: the merged scene would have {len(props)} props, more than {MAX_PROPS}")
    if len(actions) > MAX_ACTIONS:
        raise FilmSpecError(
            f"actions: the merged scene would have {len(actions)} stage actions, more than {MAX_ACTIONS}"
        )
    return {"props": props, "actions": actions}
