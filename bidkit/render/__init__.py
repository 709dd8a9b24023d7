"""Models → files and screens. Renderers only turn models into output; they decide nothing."""
