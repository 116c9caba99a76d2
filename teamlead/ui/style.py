"""The app's few style rules: a calm sidebar, readable headings, cards on the dashboard.

Colours come from the palette where possible so the platform's look (and a dark theme) shows through.
"""

WINDOW_STYLE = """
QListWidget#sidebar {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(window);
    padding-top: 10px;
    font-size: 11pt;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 9px 16px;
    margin: 1px 8px;
    border-radius: 5px;
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QLabel#welcomeHeading, QLabel#viewHeading {
    font-size: 17pt;
    font-weight: 600;
}
QFrame#welcomeCard {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 8px;
}
QFrame[card="true"] {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 6px;
}
QLabel[cardTitle="true"] {
    font-weight: 600;
    font-size: 11pt;
}
QLabel[countValue="true"] {
    font-size: 18pt;
    font-weight: 600;
}
QLabel[muted="true"] {
    color: palette(placeholder-text);
}
"""
