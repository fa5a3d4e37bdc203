"""What the user sees and edits: the storyboard, the timeline, the scene inspector and its dialogue
table, the character gallery and editor, the new-project and provider dialogs, and the themes."""
