"""Changes to referrals: each an `<entity>_<action>` function, in one transaction, recording who
acted (the triage trail, the records' own `*_by` fields and pghistory's context)."""
