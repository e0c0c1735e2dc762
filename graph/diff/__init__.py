"""Release diffs: what changed between two builds or exports, as Markdown release notes."""
