"""Template linting: the names a template uses, Word habits, the text of a .docx."""
