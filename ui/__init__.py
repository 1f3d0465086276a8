"""Streamlit rendering helpers: UI only, every number comes from planner/ or costing/."""
