"""Report writers: plain data in, a PDF (reportlab) or workbook (openpyxl) out. No database, no Qt."""
