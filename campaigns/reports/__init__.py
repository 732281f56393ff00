"""Figures for staff and the office: the figures themselves, dashboards, the monthly
report, workload, feedback results, school terms, stock levels."""
