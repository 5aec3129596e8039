"""Streamlit-side pieces: text in both languages, controls built from the parameter table, charts."""
