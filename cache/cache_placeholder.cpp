// placeholder so the library has a source until marshal lands
