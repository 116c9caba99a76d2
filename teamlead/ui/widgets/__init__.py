"""Small widgets shared by the app's own screens."""
