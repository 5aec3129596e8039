"""Renderers, no Streamlit: strings in both languages, Altair charts, chart images, the deck, the workbook,
CSV and JSON exports. Frames in, charts and files out."""
