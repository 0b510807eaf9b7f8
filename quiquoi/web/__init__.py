"""The quiquoi web page's built assets (sources and build script in the repository's web/)."""
from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
