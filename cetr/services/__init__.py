"""Changes to C(E)TR records: each an `<entity>_<action>` function, keyword-only, in one
transaction, raising ValidationError({field: message}) when a rule is broken."""
