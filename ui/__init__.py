"""Streamlit only: controls from the parameter table, the link, session state, the panels of the page."""
