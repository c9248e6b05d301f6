"""Changes in keyworking: each an `<entity>_<action>` function, in one transaction, recording
who acted (pghistory context and the records' own `*_by` fields)."""
