"""Everything the desktop renders and plays on this machine: scene previews and their disk cache,
thumbnails and faces, frames and exports for the timeline, voice samples and the timeline's sound."""
