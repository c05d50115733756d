"""Person, place, organisation and event names: normalisation and matching across spellings."""
