"""Readers of published reports (text, HTML, Word, PDF) and the label matching they share."""
