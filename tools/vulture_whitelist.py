# ruff: noqa
# False positives of `vulture streek pages app.py tools/vulture_whitelist.py --min-confidence 60`:
# catalogue dicts read by streek.i18n, SQLAlchemy/python-pptx/openpyxl attributes set for their
# side effect, event hooks, dataclass fields read by tests and exports. Regenerate with --make-whitelist
# after removing real dead code; never list code that nothing uses.
LOGIN_PAGE  # unused variable (pages/editor_auth.py:18)
kind_code  # unused variable (streek/card.py:169)
reason_code  # unused variable (streek/card.py:182)
ELEMENTS  # unused variable (streek/charts.py:55)
_.number_format  # unused attribute (streek/db/cli.py:127)
_.data_type  # unused attribute (streek/db/cli.py:128)
_on_connect  # unused function (streek/db/engine.py:84)
_.isolation_level  # unused attribute (streek/db/engine.py:86)
_on_begin  # unused function (streek/db/engine.py:94)
_.number_format  # unused attribute (streek/db/importer.py:550)
_.number_format  # unused attribute (streek/db/importer.py:565)
_.word_wrap  # unused attribute (streek/export/deck.py:27)
_.rgb  # unused attribute (streek/export/deck.py:35)
_.rgb  # unused attribute (streek/export/deck.py:74)
_.rgb  # unused attribute (streek/export/deck.py:77)
_.rgb  # unused attribute (streek/export/deck.py:81)
_.slide_height  # unused attribute (streek/export/deck.py:128)
_.slide_width  # unused attribute (streek/export/deck.py:128)
NL  # unused variable (streek/i18n/about.py:2)
EN  # unused variable (streek/i18n/about.py:130)
NL  # unused variable (streek/i18n/card.py:4)
EN  # unused variable (streek/i18n/card.py:29)
NL  # unused variable (streek/i18n/core.py:2)
EN  # unused variable (streek/i18n/core.py:35)
NL  # unused variable (streek/i18n/editor.py:2)
EN  # unused variable (streek/i18n/editor.py:183)
NL  # unused variable (streek/i18n/map.py:3)
EN  # unused variable (streek/i18n/map.py:96)
NL  # unused variable (streek/i18n/pillars.py:2)
EN  # unused variable (streek/i18n/pillars.py:103)
NL  # unused variable (streek/i18n/present.py:2)
EN  # unused variable (streek/i18n/present.py:150)
is_ambition  # unused variable (streek/mapdata.py:50)
_.is_sub_target  # unused property (streek/model.py:98)
_.computed_change_pct  # unused property (streek/model.py:117)
_.context_series  # unused method (streek/model.py:203)
_.is_year  # unused property (streek/periods.py:18)
n_points  # unused variable (streek/progress.py:85)
cagr_required  # unused variable (streek/progress.py:87)
projected_target_year  # unused variable (streek/progress.py:90)
_.cagr_required  # unused attribute (streek/progress.py:204)
_.projected_target_year  # unused attribute (streek/progress.py:208)
qr_svg  # unused function (streek/qr.py:20)
_.reached_in_time  # unused property (streek/scenario.py:94)
_.freeze_panes  # openpyxl worksheet attribute (streek/download.py)
_.margin_left  # python-pptx text frame / cell attributes (streek/export/deck.py, fiche.py)
_.margin_right
_.margin_top
_.margin_bottom
_.alignment
_.vertical_anchor
legend_columns  # theme field (streek/theme.py), set positionally
px_to_pt  # test helpers of streek/theme.py (tests/test_chart_theme.py)
theme_config
contrast_ratio
has_unit  # streek/i18n/names.py: the data-coverage checks of tests/test_i10_english_names.py
has_label
has_reference_date
has_source_name
__getattr__  # streek/__init__.py: the package's names loaded on first use (PEP 562)
_.started  # streek/render.py _PngWorkers: processes started, read by tests/test_i9_map_render.py
whole_pillar_state  # pages/pillar_view.py: every far block in full, for tools/prerender.py and the tests
