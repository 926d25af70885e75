"""Static embed pages: every chart and map of the export catalogue as a small HTML page per data version.

No Streamlit, no websocket, no app process: a page is plotly.js (or Leaflet) from a shared local
asset folder plus the figure's JSON, served as a file by nginx (``/embed/``) or, with one process
doing everything, by Streamlit's static serving (``/app/static/embed/``). docs/EMBEDS.md has the
layout, the URLs and the nginx blocks.

- :mod:`kla.embeds.layout`: folders, names, the ``terbaru`` alias and its atomic swap, manifests, URLs;
- :mod:`kla.embeds.assets`: plotly.js and Leaflet copied once, named by their versions;
- :mod:`kla.embeds.page`: one chart's HTML (Jinja2, autoescaped: ``kla/templates/embed.html.j2``);
- :mod:`kla.embeds.writer`: all pages of one version, written whole or not at all;
- :mod:`kla.embeds.hook`: after a publish or rollback, the published version's pages and the alias.

Nothing is imported here: the store calls the hook at every publication, and plotly loads only when
pages are written.
"""
