"""Resources shipped inside the package: the fonts embedded in PDF reports."""
