// Thematic module
