"""Spreadsheets, PDFs and Word files of the meetings app, one module per topic."""
