"""Views of findings, deadlines and batches: text, JSON, JUnit, iCalendar."""
