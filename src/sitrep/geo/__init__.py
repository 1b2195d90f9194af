"""Geography shared by extraction and the store: the gazetteer (``gazetteer``: GeoNames extract, countries,
names, the theatre profile) and the user's own gazetteer layer (``user_gazetteer``)."""
