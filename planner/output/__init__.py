"""What goes out: the plan picture (drawing.py), the dimensioned sketch, the DXF for a contractor's CAD, the CLI's JSON
(report.py), the HTML report and the application PDF."""
