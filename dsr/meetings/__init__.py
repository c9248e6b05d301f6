"""DSR MDT review meetings: agenda, decisions, actions, feedback and the meeting record."""
