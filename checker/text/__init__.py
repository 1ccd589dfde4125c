"""The text layer: decode files, turn HTML and Markdown into text with offsets back to the
source, split blocks, regions and sentences, and measure readability."""
